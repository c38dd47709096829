import { readFile, writeFile } from 'node:fs/promises';
import { createBackup, restoreBackup } from '../../app/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { type Command, parseOptions } from './command.ts';

export const backup: Command = {
  summary: 'write a consistent backup of the whole database (works while serving)',
  usage: `Usage: shinchoku backup FILE

Writes every table as gzip-compressed JSON with a checksum. The file restores into SQLite or PostgreSQL.`,
  async run(args) {
    const { positionals } = parseOptions(args, {});
    if (positionals.length !== 1) throw new UsageError('backup takes exactly one FILE');
    const ctx = await openContext();
    try {
      const data = await createBackup(ctx);
      await writeFile(positionals[0]!, data);
      process.stdout.write(`wrote ${positionals[0]} (${data.length} bytes)\n`);
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};

export const restore: Command = {
  summary: 'restore a backup into an empty database (--force to overwrite)',
  usage: `Usage: shinchoku restore FILE [--force]

Checks the file's format and checksum first; a damaged or foreign file is refused and nothing changes.`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { force: { type: 'boolean', default: false } });
    if (positionals.length !== 1) throw new UsageError('restore takes exactly one FILE');
    let data: Buffer;
    try {
      data = await readFile(positionals[0]!);
    } catch (e) {
      throw new UsageError(`cannot read ${positionals[0]}: ${(e as Error).message}`);
    }
    const ctx = await openContext();
    try {
      const result = await restoreBackup(ctx, data, { force: values.force });
      const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
      process.stdout.write(`restored backup of ${result.createdAt}: ${total} rows\n`);
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
