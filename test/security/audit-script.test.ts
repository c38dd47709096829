import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** scripts/audit.sh judged on saved `npm audit --json` reports (the advisory service may be out of reach). */
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function audit(report: unknown, env: Record<string, string> = {}) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(report));
  const r = spawnSync('bash', ['scripts/audit.sh'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, AUDIT_REPORT_FILE: file, ...env },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const advisory = (severity: string, id: string) => ({
  metadata: { vulnerabilities: { [severity]: 1 } },
  vulnerabilities: { pkg: { via: [{ severity, title: 'Something bad', url: `https://github.com/advisories/${id}` }] } },
});

describe('scripts/audit.sh', () => {
  it('passes a clean report and a moderate advisory', () => {
    expect(audit({ metadata: { vulnerabilities: { high: 0, critical: 0 } }, vulnerabilities: {} }).code).toBe(0);
    expect(audit(advisory('moderate', 'GHSA-mmmm-mmmm-mmmm')).code).toBe(0);
  });

  it('fails on a high or critical advisory and names it', () => {
    for (const severity of ['high', 'critical']) {
      const r = audit(advisory(severity, 'GHSA-hhhh-hhhh-hhhh'));
      expect(r.code).toBe(1);
      expect(r.out).toContain('1 high/critical advisories without an explanation: GHSA-hhhh-hhhh-hhhh');
    }
  });

  it('explains an unreachable advisory service instead of passing, and lists what ships', () => {
    const r = audit({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(r.code).toBe(2);
    expect(r.out).toContain('npm audit could not reach an advisory service: 405 Method Not Allowed');
    expect(r.out).toContain('No advisories were checked, so this is not a clean result.');
    expect(r.out).toContain('hono@');
    expect(audit({ message: 'offline' }, { AUDIT_OFFLINE_OK: '1' }).code).toBe(0);
  });
});
