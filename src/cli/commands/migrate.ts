import { describeDatabaseTarget, migrateToLatest, openDatabase } from '../../store/index.ts';
import { type Command, parseOptions } from './command.ts';

export const migrate: Command = {
  summary: 'bring the database schema up to date (also done on every start)',
  usage: 'Usage: shinchoku migrate',
  async run(args) {
    parseOptions(args, {}, false);
    const store = openDatabase(process.env.DATABASE_URL);
    try {
      const { applied } = await migrateToLatest(store.db);
      const where = describeDatabaseTarget(store.target);
      process.stdout.write(applied.length ? `${where}: applied ${applied.join(', ')}\n` : `${where}: up to date\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
