import { ensureSeeded } from '../../app/index.ts';
import { describeDatabaseTarget } from '../../store/index.ts';
import { loadBundledPlans } from '../bundled-plans.ts';
import { openContext } from '../open-context.ts';
import { type Command, parseOptions } from './command.ts';

export const init: Command = {
  summary: 'create the database, run migrations and load the bundled plan',
  usage: `Usage: shinchoku init

Creates the database named by DATABASE_URL (default ./data/shinchoku.db), brings its schema up to date and,
if it holds no organization yet, loads the bundled Ogori plan and publishes its edition.`,
  async run(args) {
    parseOptions(args, {}, false);
    const ctx = await openContext();
    try {
      const loaded = await ensureSeeded(ctx, loadBundledPlans);
      const where = describeDatabaseTarget(ctx.store.target);
      process.stdout.write(loaded ? `initialised ${where} with the bundled plan\n` : `${where} is up to date\n`);
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
