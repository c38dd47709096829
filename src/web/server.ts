import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { AppContext } from '../app/index.ts';
import { describeDatabaseTarget, quickCheck } from '../store/index.ts';
import { answerClientError } from './client-error.ts';
import { HotPages } from './hot-pages.ts';
import { logger } from './logger.ts';
import { securityHeaderValues } from './security-headers.ts';
import { createWebApp } from './web-app.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface StartServerOptions {
  ctx: AppContext;
  host?: string;
  port?: number;
  /** Install SIGTERM/SIGINT handlers that drain connections and close the database (default true). */
  handleSignals?: boolean;
}

/**
 * Starts the HTTP server; resolves once it is listening. A SQLite file that fails the quick integrity check is
 * logged and served not ready (/readyz 503), so its pages that still read can be read while it is repaired.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { ctx, host = '127.0.0.1', port = 3000, handleSignals = true } = options;
  const problems = await quickCheck(ctx.store);
  if (problems.length > 0) {
    logger.error(
      { database: describeDatabaseTarget(ctx.store.target), problems },
      'the database file is damaged (quick_check); restore it from a backup (docs/operations.md)',
    );
  }
  const hotPages = new HotPages();
  const app = createWebApp(ctx, { hotPages });
  const onClientError = answerClientError(await securityHeaderValues());
  return new Promise((resolve, reject) => {
    const options = { fetch: app.fetch, hostname: host, port, createServer: hotPages.createServer };
    const server = serve(options, (info: AddressInfo) => {
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
      logger.info({ url, database: describeDatabaseTarget(ctx.store.target) }, 'listening');
      let closing: Promise<void> | undefined;
      const close = () => {
        closing ??= new Promise<void>((done) => {
          server.close(() => done());
          // Idle keep-alive connections would hold close() open; in-flight requests still finish.
          (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        }).then(() => ctx.store.close());
        return closing;
      };
      if (handleSignals) {
        const onSignal = (signal: NodeJS.Signals) => {
          logger.info({ signal }, 'shutting down');
          close().then(
            () => process.exit(0),
            (e) => {
              logger.error({ err: e }, 'shutdown failed');
              process.exit(2);
            },
          );
        };
        process.once('SIGTERM', onSignal);
        process.once('SIGINT', onSignal);
      }
      resolve({ url, port: info.port, close });
    });
    server.on('clientError', onClientError);
    server.once('error', reject);
  });
}
