// Compiles src/ to dist/ (TypeScript's native compiler, type checking left to `npm test`) and copies the
// non-TypeScript files beside them, so the installed command starts without a TypeScript loader.
// Runs on `npm ci` (prepare) and before `npm start`; bin/shinchoku.js falls back to tsx when src/ is newer.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
const copyAssets = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(full);
    else if (!/\.(ts|tsx)$/.test(entry.name)) cpSync(full, path.join(dist, path.relative(src, full)));
  }
};
copyAssets(src);
writeFileSync(path.join(dist, '.built'), `${new Date().toISOString()}\n`);
statSync(path.join(dist, 'cli', 'main.js'));
