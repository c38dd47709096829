import { ensureFirstAdmin, ensureSeeded } from '../../app/index.ts';
import { describeDatabaseTarget } from '../../store/index.ts';
import { loadBundledPlans } from '../bundled-plans.ts';
import { firstAdminNotice } from '../first-admin-notice.ts';
import { openContext } from '../open-context.ts';
import { type Command, parseOptions } from './command.ts';

export const init: Command = {
  summary: 'create the database, run migrations and load the bundled plan',
  usage: `Usage: shinchoku init

Creates the database named by DATABASE_URL (default ./data/shinchoku.db), brings its schema up to date and,
if it holds no organization yet, loads the bundled Ogori plan and publishes its edition. When the organization has
no user yet, creates the first administrator (e-mail SHINCHOKU_ADMIN_EMAIL, default admin@localhost, staff ID
"admin") with the password in SHINCHOKU_ADMIN_PASSWORD, or a generated one printed once.`,
  async run(args) {
    parseOptions(args, {}, false);
    const ctx = await openContext();
    try {
      const loaded = await ensureSeeded(ctx, loadBundledPlans);
      const where = describeDatabaseTarget(ctx.store.target);
      process.stdout.write(loaded ? `initialised ${where} with the bundled plan\n` : `${where} is up to date\n`);
      const admin = await ensureFirstAdmin(ctx, {
        email: process.env.SHINCHOKU_ADMIN_EMAIL,
        password: process.env.SHINCHOKU_ADMIN_PASSWORD,
      });
      if (admin) process.stdout.write(firstAdminNotice(admin));
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
