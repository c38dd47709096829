import { ensureSeeded } from '../../app/index.ts';
import { logger, startServer } from '../../web/index.ts';
import { loadBundledPlans } from '../bundled-plans.ts';
import { openContext } from '../open-context.ts';
import { type Command, parseOptions } from './command.ts';

export const serve: Command = {
  summary: 'serve the public portal and staff workspace (creates and seeds the database on first run)',
  usage: `Usage: shinchoku serve [--host HOST] [--port PORT]

Listens on HOST:PORT (default 127.0.0.1:3000, or the HOST and PORT environment variables).
On an empty database, loads the bundled Ogori plan first. Stops cleanly on SIGTERM/SIGINT.`,
  async run(args) {
    const { values } = parseOptions(args, { host: { type: 'string' }, port: { type: 'string' } }, false);
    const host = values.host ?? process.env.HOST ?? '127.0.0.1';
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    const ctx = await openContext();
    if (await ensureSeeded(ctx, loadBundledPlans)) logger.info('seeded an empty database with the bundled plan');
    await startServer({ ctx, host, port });
    return 0;
  },
};
