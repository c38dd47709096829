import { addMissingOrganizations, ensureFirstAdmin, ensureSeeded } from '../../app/index.ts';
import { describeDatabaseTarget } from '../../store/index.ts';
import { examplesRequested, loadBundledPlans } from '../bundled-plans.ts';
import { firstAdminNotice } from '../first-admin-notice.ts';
import { openContext } from '../open-context.ts';
import { type Command, parseOptions } from './command.ts';

export const init: Command = {
  summary: 'create the database, run migrations and load the bundled plan (and the example cities)',
  usage: `Usage: shinchoku init [--examples]

Creates the database named by DATABASE_URL (default ./data/shinchoku.db), brings its schema up to date and,
if it holds no organization yet, loads the bundled Ogori plan and publishes its edition. When the organization has
no user yet, creates the first administrator (e-mail SHINCHOKU_ADMIN_EMAIL, default admin@localhost, staff ID
"admin") with the password in SHINCHOKU_ADMIN_PASSWORD, or a generated one printed once.
  --examples   also load the fictional example organizations (みなみかぜ市, こもれび町, ほしぞら市, Wrenmoor,
               Harrowfield) and any bundled organization still missing, also into a database that already holds
               data; running it again changes nothing.
               SHINCHOKU_EXAMPLES=1 does the same.`,
  async run(args) {
    const { values } = parseOptions(args, { examples: { type: 'boolean', default: false } }, false);
    const examples = values.examples || examplesRequested();
    const ctx = await openContext();
    try {
      const where = describeDatabaseTarget(ctx.store.target);
      const loaded = await ensureSeeded(ctx, () => loadBundledPlans({ examples: false }));
      process.stdout.write(loaded ? `initialised ${where} with the bundled plan\n` : `${where} is up to date\n`);
      // The first administrator belongs to the bundled plan's organization, so it is created before any example.
      const admin = await ensureFirstAdmin(ctx, {
        email: process.env.SHINCHOKU_ADMIN_EMAIL,
        password: process.env.SHINCHOKU_ADMIN_PASSWORD,
      });
      if (admin) process.stdout.write(firstAdminNotice(admin));
      if (examples) {
        const added = await addMissingOrganizations(ctx, loadBundledPlans({ examples: true }));
        process.stdout.write(
          added.length > 0 ? `added example organizations: ${added.join(', ')}\n` : 'example organizations present\n',
        );
      }
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
