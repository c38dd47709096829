import { writeFile } from 'node:fs/promises';
import { bundleToJson, exportBundle } from '../../app/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { type Command, parseOptions } from './command.ts';

export const exportCommand: Command = {
  summary: 'export an organization (plans, editions) as full-fidelity JSON',
  usage: `Usage: shinchoku export FILE [--org SLUG]

Writes the organization's departments, plans and published editions as JSON ("-" writes to standard output).
--org may be omitted when the database holds one organization.`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { org: { type: 'string' } });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('export takes exactly one FILE (or -)');
    const ctx = await openContext();
    try {
      const organizationSlug = await resolveOrganization(ctx, values.org);
      const json = bundleToJson(await exportBundle({ ctx, organizationSlug }));
      if (file === '-') process.stdout.write(json);
      else await writeFile(file, json);
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
