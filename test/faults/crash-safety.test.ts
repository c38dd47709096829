import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBundle } from '../../scripts/generate-organizations.ts';
import { EditionContent } from '../../src/domain/index.ts';
import { checkIntegrity, migrateToLatest, openDatabase } from '../../src/store/index.ts';
import { runCli } from '../harness/run-cli.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../harness/test-database.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/shinchoku.js');
const KILLS = Number(process.env.FAULT_KILLS ?? 20);
const INITIATIVES = 3000;

/** Starts the CLI and SIGKILLs it after `delayMs`; resolves with whether it had finished first. */
function runAndKill(args: string[], env: Record<string, string>, delayMs: number): Promise<'completed' | 'killed'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('completed');
      else reject(new Error(`exited with ${code}: ${stderr}`));
    });
  });
}

/** Spreads kill times over the command's start-up and its write, so some land inside the transaction. */
const delays = (count: number, from: number, to: number) =>
  Array.from({ length: count }, (_, i) => Math.round(from + ((to - from) * (i + 0.5)) / count));

for (const dialect of DIALECTS) {
  describe(`kill -9 during writes on ${dialect}`, () => {
    let db: TestDatabase;
    const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-faults-'));
    const bundleFile = path.join(dir, 'big.json');
    const outcomes = { import: { completed: 0, killed: 0 }, publish: { completed: 0, killed: 0 } };

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      writeFileSync(bundleFile, JSON.stringify(generateBundle(1, { initiatives: INITIATIVES })));
    });
    afterAll(async () => {
      console.log(`[faults] ${dialect}: ${JSON.stringify(outcomes)}`);
      await db.drop();
    });

    async function inspect() {
      const store = openDatabase(db.url);
      try {
        await migrateToLatest(store.db);
        const integrity = await checkIntegrity(store);
        const nodes = await store.db
          .selectFrom('plan_nodes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        const plans = await store.db.selectFrom('plans').select('id').execute();
        const editions = await store.db.selectFrom('editions').select(['name', 'content', 'content_sha256']).execute();
        return { integrity, nodes: Number(nodes.n), plans: plans.length, editions };
      } finally {
        await store.close();
      }
    }

    it(`an import killed ${KILLS} times either happened completely or not at all`, { timeout: 600_000 }, async () => {
      const expectedNodes = Math.ceil(INITIATIVES / 10) + INITIATIVES;
      for (const delay of delays(KILLS, 300, 4000)) {
        const outcome = await runAndKill(['import', bundleFile, '--replace'], { DATABASE_URL: db.url }, delay);
        outcomes.import[outcome]++;
        const state = await inspect();
        expect(state.integrity).toEqual({ ok: true, problems: [] });
        expect([0, 1]).toContain(state.plans);
        expect(state.nodes).toBe(state.plans === 1 ? expectedNodes : 0);
      }
      // Make sure the plan exists for the publish loop.
      expect((await runCli(['import', bundleFile, '--replace'], { DATABASE_URL: db.url })).code).toBe(0);
    });

    it(`a publish killed ${KILLS} times either created a whole edition or none`, { timeout: 600_000 }, async () => {
      let i = 0;
      for (const delay of delays(KILLS, 300, 3000)) {
        const name = `第${++i}版`;
        const outcome = await runAndKill(['publish', '--name', name, '--fy', '2024'], { DATABASE_URL: db.url }, delay);
        outcomes.publish[outcome]++;
        const state = await inspect();
        expect(state.integrity).toEqual({ ok: true, problems: [] });
        const edition = state.editions.find((e) => e.name === name);
        if (outcome === 'completed') expect(edition).toBeDefined();
        if (edition) {
          expect(createHash('sha256').update(edition.content).digest('hex')).toBe(edition.content_sha256);
          const content = EditionContent.parse(JSON.parse(edition.content));
          expect(content.plan.nodes.flatMap((g) => g.children)).toHaveLength(INITIATIVES);
        }
      }
    });
  });
}
