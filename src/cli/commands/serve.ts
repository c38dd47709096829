import {
  type AppContext,
  addMissingOrganizations,
  ensureFirstAdmin,
  ensureSeeded,
  fillPageViews,
} from '../../app/index.ts';
import { EDITION_FILES_AT_START, fillEditionFiles } from '../../reports/index.ts';
import { logger, startServer } from '../../web/index.ts';
import { examplesRequested, loadBundledPlans } from '../bundled-plans.ts';
import { UsageError } from '../cli-error.ts';
import { firstAdminNotice } from '../first-admin-notice.ts';
import { openContext } from '../open-context.ts';
import { isWorker, runPrimary } from '../serve-workers.ts';
import { releaseYoungGeneration } from '../young-generation.ts';
import { type Command, parseOptions } from './command.ts';

/**
 * The idempotent start-up step for editions published before their files were stored (or by an older
 * release): in the background, so the server answers at once; a failure is logged, not fatal.
 */
function fillAtStart(ctx: AppContext): Promise<void> {
  return fillPageViews(ctx)
    .then((pages) => {
      if (pages > 0) logger.info({ editions: pages }, 'stored the page views of older editions');
      return fillEditionFiles(ctx, { names: EDITION_FILES_AT_START });
    })
    .then(
      (filled) => {
        if (filled > 0) logger.info({ editions: filled }, 'stored the files of older editions');
      },
      (e) => logger.warn({ err: e }, 'could not store the page views and files of older editions'),
    );
}

export const serve: Command = {
  summary: 'serve the public portal and staff workspace (creates and seeds the database on first run)',
  usage: `Usage: shinchoku serve [--host HOST] [--port PORT] [--workers N]

Listens on HOST:PORT (default 127.0.0.1:3000, or the HOST and PORT environment variables).
--workers N (or SHINCHOKU_WORKERS) runs N app processes sharing the port, to use N CPU cores; default 1.
On an empty database, loads the bundled Ogori plan first; SHINCHOKU_EXAMPLES=1 adds the example cities. Stops cleanly on SIGTERM/SIGINT.`,
  async run(args) {
    const { values } = parseOptions(
      args,
      { host: { type: 'string' }, port: { type: 'string' }, workers: { type: 'string' } },
      false,
    );
    const host = values.host ?? process.env.HOST ?? '127.0.0.1';
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    const workers = Number(values.workers ?? process.env.SHINCHOKU_WORKERS ?? 1);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      throw new UsageError(
        `--workers must be a whole number from 1 to 64 (got "${values.workers ?? process.env.SHINCHOKU_WORKERS}")`,
      );
    }
    if (isWorker()) {
      await startServer({ ctx: await openContext(), host, port });
      releaseYoungGeneration();
      return 0;
    }
    const ctx = await openContext();
    if (await ensureSeeded(ctx, () => loadBundledPlans()))
      logger.info('seeded an empty database with the bundled plan');
    // A fresh database gets its first administrator here too, so `npm start` alone yields a usable install.
    const admin = await ensureFirstAdmin(ctx, {
      email: process.env.SHINCHOKU_ADMIN_EMAIL,
      password: process.env.SHINCHOKU_ADMIN_PASSWORD,
    });
    // stdout carries JSON log lines here: the log gets one structured line (without the password, as logs are
    // shipped and kept), the terminal (stderr) the plain block with it.
    if (admin) {
      const { generatedPassword, ...who } = admin;
      logger.warn(
        { firstAdmin: { ...who, passwordOnStderr: generatedPassword !== undefined } },
        'created the first administrator',
      );
      process.stderr.write(firstAdminNotice(admin));
    }
    // SHINCHOKU_EXAMPLES=1 adds the fictional example cities, after the admin, who belongs to the bundled plan.
    if (examplesRequested()) {
      const added = await addMissingOrganizations(ctx, loadBundledPlans({ examples: true }));
      if (added.length > 0) logger.info({ added }, 'added the example organizations');
    }
    if (workers === 1) {
      await startServer({ ctx, host, port });
      void fillAtStart(ctx).finally(releaseYoungGeneration);
      return 0;
    }
    // Migrated and seeded once, here; the workers open the database ready to serve. The primary fills stored
    // files in the background, then lets go of its connection.
    void fillAtStart(ctx).finally(() => ctx.store.close());
    return runPrimary(workers);
  },
};
