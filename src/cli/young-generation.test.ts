import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// In a fresh process: the test runner's own young generation has long grown, and the flag is process-wide.
const SCRIPT = `
import v8 from 'node:v8';
import { holdYoungGeneration, releaseYoungGeneration } from ${JSON.stringify(path.join(import.meta.dirname, 'young-generation.ts'))};
const youngKb = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1024;
// Allocation like start-up's: most of it survives (20 MB kept), the rest is garbage.
const kept = [];
const allocate = () => { for (let i = 0; i < 200_000; i++) { kept.push({ i, s: 'x' + i }); void { garbage: i }; } };
const before = youngKb();
holdYoungGeneration();
allocate();
const held = youngKb();
releaseYoungGeneration();
allocate(); allocate();
console.log(JSON.stringify({ before, held, released: youngKb() }));
`;

function run(nodeFlags: string[]): { before: number; held: number; released: number } {
  const out = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', SCRIPT], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('the young generation while serve starts', () => {
  it('does not grow while held, and grows again once released', () => {
    const { before, held, released } = run([]);
    expect(held).toBe(before);
    expect(released).toBeGreaterThan(held);
  });

  it("leaves an operator's own young-generation flag alone", () => {
    const { before, held } = run(['--max-semi-space-size=8']);
    expect(held).toBeGreaterThan(before);
  });
});
