import { publishEdition, systemActor } from '../../app/index.ts';
import { parseFiscalYear } from '../../domain/index.ts';
import { storePublishedFiles } from '../../reports/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { type Command, parseOptions } from './command.ts';

export const publish: Command = {
  summary: "publish the plan's current content as a new immutable edition",
  usage: `Usage: shinchoku publish --name NAME --fy YEAR [--plan SLUG] [--org SLUG] [--confirm-unapproved N]

Freezes the plan as edition NAME (e.g. 令和5年度実績反映版) reflecting fiscal year YEAR (2023, R5 or 令和5年度,
within the plan period) and makes it the public one. When YEAR has a reporting round, initiatives whose report
is not approved keep their previously published values for that year; name how many with --confirm-unapproved
(the refusal says the number). Operators' path; staff publish from the workspace.`,
  async run(args) {
    const { values } = parseOptions(
      args,
      {
        name: { type: 'string' },
        fy: { type: 'string' },
        plan: { type: 'string' },
        org: { type: 'string' },
        'confirm-unapproved': { type: 'string' },
      },
      false,
    );
    if (!values.name) throw new UsageError('--name is required (e.g. --name 令和5年度実績反映版)');
    if (!values.fy) throw new UsageError('--fy is required (e.g. --fy 2023)');
    const fy = parseFiscalYear(values.fy);
    if (!fy.ok) throw new UsageError(`--fy: ${fy.error.messageEn}`);
    const confirm = values['confirm-unapproved'];
    if (confirm !== undefined && !/^\d+$/.test(confirm)) throw new UsageError('--confirm-unapproved takes a count');
    const ctx = await openContext();
    try {
      const organizationSlug = await resolveOrganization(ctx, values.org);
      const result = await publishEdition({
        ctx,
        actor: systemActor('cli'),
        organizationSlug,
        planSlug: values.plan,
        name: values.name,
        fy: fy.value,
        confirmWithheld: confirm === undefined ? undefined : Number(confirm),
      });
      // Its PDF, workbook and CSVs are drawn now, so even the first download reads stored bytes.
      await storePublishedFiles(ctx, { organizationId: result.organizationId, editionId: result.id });
      process.stdout.write(`published ${result.name} (${result.id})\n`);
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
