import { copyPlanStructure, createPlanFromTemplate, listPlanTemplates, systemActor } from '../../app/index.ts';
import { PlanTemplateKey, parseFiscalYear } from '../../domain/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { type Command, parseOptions } from './command.ts';

const USAGE = `Usage: shinchoku plan templates
       shinchoku plan new --template KEY --slug SLUG --title TITLE --from-fy YEAR --to-fy YEAR [--org SLUG]
       shinchoku plan copy --from SLUG --slug SLUG --title TITLE [--from-fy YEAR --to-fy YEAR]
                           [--carry-over CODE,CODE…] [--org SLUG]

new   creates an empty draft plan from a template (${PlanTemplateKey.options.join(', ')}).
copy  creates a draft plan with the structure of plan --from (codes, titles, 課, indicator definitions; no ratings
      or figures), by default for the period of the same length that follows it; --carry-over lists initiatives
      that continue as 継続案件 (継1, 継2…).
YEAR is a Western fiscal year (2025) or a Japanese one (R7, 令和7年度). The plan stays unpublished.`;

function fiscalYearOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const fy = parseFiscalYear(value);
  if (!fy.ok) throw new UsageError(`--${name}: ${fy.error.messageEn}`);
  return fy.value;
}

function periodOptions(values: { 'from-fy'?: string | undefined; 'to-fy'?: string | undefined }) {
  const startFy = fiscalYearOption('from-fy', values['from-fy']);
  const endFy = fiscalYearOption('to-fy', values['to-fy']);
  if ((startFy === undefined) !== (endFy === undefined)) throw new UsageError('give both --from-fy and --to-fy');
  return startFy === undefined || endFy === undefined ? undefined : { startFy, endFy };
}

const required = (values: Record<string, unknown>, names: string[]) => {
  const missing = names.filter((n) => values[n] === undefined);
  if (missing.length > 0) throw new UsageError(`${missing.map((n) => `--${n}`).join(', ')} required (see --help)`);
};

export const plan: Command = {
  summary: 'create a plan from a template or by copying the structure of another plan',
  usage: USAGE,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'templates') {
      parseOptions(rest, {}, false);
      for (const t of listPlanTemplates()) process.stdout.write(`${t.key.padEnd(24)} ${t.name}\n`);
      return 0;
    }
    if (sub !== 'new' && sub !== 'copy') throw new UsageError('plan takes "templates", "new" or "copy" (see --help)');
    const { values } = parseOptions(
      rest,
      {
        template: { type: 'string' },
        from: { type: 'string' },
        slug: { type: 'string' },
        title: { type: 'string' },
        'from-fy': { type: 'string' },
        'to-fy': { type: 'string' },
        'carry-over': { type: 'string' },
        org: { type: 'string' },
      },
      false,
    );
    required(values, sub === 'new' ? ['template', 'slug', 'title', 'from-fy', 'to-fy'] : ['from', 'slug', 'title']);
    const period = periodOptions(values);
    const ctx = await openContext();
    try {
      const organizationSlug = await resolveOrganization(ctx, values.org);
      const actor = systemActor('cli');
      const base = { organizationSlug, slug: values.slug as string, title: values.title as string };
      if (sub === 'new') {
        const template = PlanTemplateKey.safeParse(values.template);
        if (!template.success) {
          throw new UsageError(`--template must be one of ${PlanTemplateKey.options.join(', ')}`);
        }
        await createPlanFromTemplate(ctx, actor, { ...base, template: template.data, period: period! });
        process.stdout.write(`created ${organizationSlug}/${base.slug} from ${template.data} (draft)\n`);
        return 0;
      }
      const carryOver = values['carry-over']
        ?.split(/[,、]/)
        .map((c) => c.trim())
        .filter(Boolean);
      const result = await copyPlanStructure(ctx, actor, {
        ...base,
        fromPlanSlug: values.from as string,
        period,
        carryOver,
      });
      const carried = result.carried.map((c) => `${c.from}→${c.to}`).join(', ');
      process.stdout.write(
        `created ${organizationSlug}/${result.slug} from ${values.from} (draft)${carried ? `; 継続案件 ${carried}` : ''}\n`,
      );
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};
