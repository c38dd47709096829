#!/usr/bin/env node
// Starts the compiled build (dist/, made by `npm ci`/`npm start`) when it is at least as new as every source
// file; otherwise runs the TypeScript sources directly through tsx, so a developer's edit is never ignored.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(path.join(root, 'dist', '.built')).mtimeMs;
  } catch {
    return -1;
  }
}

if (process.env.SHINCHOKU_FROM_SOURCE !== '1' && builtAt() >= newestSource(path.join(root, 'src'))) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
