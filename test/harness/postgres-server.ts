import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ThrowawayPostgres {
  url: string;
  /** The same server through its Unix socket, as an app on the database's own host would connect. */
  socketUrl: string;
  dir: string;
  /** Stops the server but keeps its data (`immediate`: as a crash would, without a shutdown checkpoint). */
  halt(mode: 'fast' | 'immediate'): void;
  /** Starts a halted server again, on the same port and data. */
  resume(): void;
  stop(): Promise<void>;
}

export interface ThrowawayPostgresOptions {
  /** Keep PostgreSQL's durability settings (fsync, synchronous commit), for tests that stop it under writes. */
  durable?: boolean;
}

/** Finds the Debian PostgreSQL binaries (highest version under /usr/lib/postgresql). */
export function findPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) {
    throw new Error('PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it');
  }
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`no initdb under ${root}`);
  return path.join(root, versions[0]!, 'bin');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * initdb refuses to run as root, so as root the server runs as the `postgres` system user (created by the
 * Debian package) on a directory it owns; as any other user it runs directly.
 */
function asServerUser(cmd: string, args: string[]): [string, string[]] {
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', cmd, ...args]];
  return [cmd, args];
}

export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'shinchoku-pg-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const [c, a] = asServerUser(path.join(bin, cmd), args);
    const res = spawnSync(c, a, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'app', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${fast} -c max_connections=300`,
      'start',
    ]);
  start();
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    socketUrl: `postgres://app@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`,
    dir,
    halt: (mode) => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
    resume: start,
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
