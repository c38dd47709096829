// Regenerates src/web/api/api-examples.json from the bundled Ogori plan served by the real app (a throwaway
// SQLite database): `npm run api-examples`. Run it when an API response changes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppContext, ensureSeeded } from '../src/app/index.ts';
import { loadBundledPlans } from '../src/cli/bundled-plans.ts';
import { migrateToLatest, openDatabase } from '../src/store/index.ts';
import { createWebApp } from '../src/web/index.ts';
import { collectApiExamples, EXAMPLE_NOW } from './collect-api-examples.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-api-examples-'));
const store = openDatabase(`sqlite:${path.join(dir, 'examples.sqlite')}`);
try {
  await migrateToLatest(store.db);
  const ctx = createAppContext(store, () => EXAMPLE_NOW);
  await ensureSeeded(ctx, () => loadBundledPlans());
  const app = createWebApp(ctx);
  const examples = await collectApiExamples(async (p) => app.request(p));
  const file = path.resolve(import.meta.dirname, '../src/web/api/api-examples.json');
  writeFileSync(file, `${JSON.stringify(examples, null, 2)}\n`);
  // In the project's format, so `biome ci` accepts the regenerated file as it is.
  execFileSync(path.resolve(import.meta.dirname, '../node_modules/.bin/biome'), ['format', '--write', file], {
    stdio: 'inherit',
  });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
