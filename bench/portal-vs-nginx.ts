import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../test/harness/postgres-server.ts';
import type { BenchFigure, Benchmark } from './run.ts';

/**
 * The initiative page 1-3 served by Shinchoku (SQLite, as `npm start` runs it) against nginx serving the same
 * HTML from a file, both measured with wrk (-t2 -c50 -d10s), three pairs alternating which goes first. wrk rather than autocannon, which
 * saturates the two cores before nginx does. Targets (the medians): ≥ 0.8× nginx's requests/s, p99 < 5 ms.
 */

const PAGE = '/ogori/action-plan-2/initiatives/1-3';
/** Measured pairs (ours, nginx): the ratio reported is their median. */
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** wrk results measured nginx first, returned as (ours, nginx). */
const swap = (theirs: WrkResult, ours: WrkResult): [WrkResult, WrkResult] => [ours, theirs];
const BIN = path.resolve(import.meta.dirname, '../bin/shinchoku.js');

export interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** Reads wrk's --latency report: requests/s and the 50 % and 99 % latencies in ms. */
export function parseWrk(out: string): WrkResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const at = (q: string) => {
    const m = new RegExp(`^\\s*${q}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out);
    return m ? Number(m[1]) * (UNIT_MS[m[2]!] ?? Number.NaN) : Number.NaN;
  };
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = non2xx + (socket ? socket.slice(1).reduce((s, n) => s + Number(n), 0) : 0);
  if (!Number.isFinite(rps)) throw new Error(`could not read wrk output:\n${out}`);
  return { rps, p50: at('50'), p99: at('99'), requests, errors };
}

function wrk(url: string, seconds: number): WrkResult {
  const out = execFileSync('wrk', ['-t2', '-c50', `-d${seconds}s`, '--latency', url], { encoding: 'utf8' });
  return parseWrk(out);
}

function requireCommand(cmd: string, pkg: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${cmd} is not installed (apt-get install ${pkg})`);
  }
}

async function untilOk(url: string, withinMs: number): Promise<Response> {
  const until = Date.now() + withinMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`no answer from ${url} within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

function nginxConf(dir: string, port: number): string {
  return `daemon off;
master_process off;
worker_processes 1;
error_log ${dir}/nginx-error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path ${dir}/tmp;
  proxy_temp_path ${dir}/tmp;
  fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp;
  scgi_temp_path ${dir}/tmp;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    location / { try_files /index.html =404; }
  }
}
`;
}

const bench: Benchmark = {
  name: 'portal-vs-nginx',
  async run(): Promise<BenchFigure[]> {
    requireCommand('nginx', 'nginx');
    requireCommand('wrk', 'wrk');
    const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-nginx-'));
    let app: ChildProcess | undefined;
    let nginx: ChildProcess | undefined;
    const load = loadavg()[0]!;
    try {
      const appPort = await freePort();
      // One process, SQLite, request logs off (as behind a proxy that logs); otherwise as `npm start` runs.
      const env = { ...process.env, DATABASE_URL: path.join(dir, 'bench.db'), LOG_LEVEL: 'warn' };
      app = spawn(process.execPath, [BIN, 'serve', '--port', String(appPort)], { env, stdio: 'ignore' });
      const appUrl = `http://127.0.0.1:${appPort}${PAGE}`;
      const html = await (await untilOk(appUrl, 120_000)).text();
      mkdirSync(path.join(dir, 'www'));
      mkdirSync(path.join(dir, 'tmp'));
      writeFileSync(path.join(dir, 'www', 'index.html'), html);

      const nginxPort = await freePort();
      writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(dir, nginxPort));
      nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
      const nginxUrl = `http://127.0.0.1:${nginxPort}/`;
      const copy = await (await untilOk(nginxUrl, 10_000)).text();
      if (copy !== html) throw new Error('nginx does not serve the same bytes');

      // Warm both (JIT, caches), then RUNS pairs, alternating which goes first, so a burst of load from other
      // work on the machine falls on both sides; the figures are the medians of the runs.
      wrk(appUrl, 2);
      wrk(nginxUrl, 2);
      const runs: { ours: WrkResult; theirs: WrkResult; ratio: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const [ours, theirs] =
          i % 2 === 0 ? [wrk(appUrl, 10), wrk(nginxUrl, 10)] : swap(wrk(nginxUrl, 10), wrk(appUrl, 10));
        runs.push({ ours, theirs, ratio: ours.rps / theirs.rps });
        const report = (label: string, r: WrkResult) =>
          `  run ${i + 1} ${label}: ${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${r.errors} errors\n`;
        process.stdout.write(report('shinchoku', ours) + report('nginx', theirs));
      }
      const ours = (f: (r: WrkResult) => number) => median(runs.map((r) => f(r.ours)));
      const theirs = (f: (r: WrkResult) => number) => median(runs.map((r) => f(r.theirs)));
      const ratio = median(runs.map((r) => r.ratio));
      const p99 = ours((r) => r.p99);
      const errors = runs.reduce((n, r) => n + r.ours.errors + r.theirs.errors, 0);
      const of = `median of ${RUNS}`;
      return [
        { metric: 'page size', value: Buffer.byteLength(html), unit: 'bytes' },
        { metric: 'load average (1 min) before the run', value: load, unit: '' },
        { metric: `nginx requests/s (${of})`, value: theirs((r) => r.rps), unit: 'req/s' },
        { metric: `nginx p50 (${of})`, value: theirs((r) => r.p50), unit: 'ms' },
        { metric: `nginx p99 (${of})`, value: theirs((r) => r.p99), unit: 'ms' },
        { metric: `shinchoku requests/s (${of})`, value: ours((r) => r.rps), unit: 'req/s' },
        { metric: `shinchoku p50 (${of})`, value: ours((r) => r.p50), unit: 'ms' },
        { metric: `shinchoku p99 (${of})`, value: p99, unit: 'ms', target: '< 5 ms', pass: p99 < 5 },
        {
          metric: `shinchoku ÷ nginx requests/s (${of} ratios, each run: ${runs.map((r) => r.ratio.toFixed(2)).join(' / ')})`,
          value: ratio,
          unit: '×',
          target: '≥ 0.8×',
          pass: ratio >= 0.8,
        },
        {
          metric: 'errors (both)',
          value: errors,
          unit: '',
          target: '0',
          pass: errors === 0,
        },
      ];
    } finally {
      await Promise.all([stop(app), stop(nginx)]);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
