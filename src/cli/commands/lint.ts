import { readFile } from 'node:fs/promises';
import { lintStoredPlan, type PlanLintReport, planLintReport } from '../../app/index.ts';
import { parseFiscalYear, validateBundle } from '../../domain/index.ts';
import { bundleIssuesText } from '../bundle-issues-text.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { type Command, parseOptions } from './command.ts';

export const lint: Command = {
  summary: 'report data-quality findings of a plan (stored, or in a bundle FILE)',
  usage: `Usage: shinchoku lint [FILE] [--org SLUG] [--plan SLUG] [--fy YEAR] [--format text|json]

Without FILE, checks the plan stored in DATABASE_URL; with FILE, checks the plans of a bundle file without
touching the database. YEAR defaults to the year of the plan's edition. Exit code 0 even with findings
(they are for people to review), 1 when the plan cannot be read.`,
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      org: { type: 'string' },
      plan: { type: 'string' },
      fy: { type: 'string' },
      format: { type: 'string', default: 'text' },
    });
    let fy: number | undefined;
    if (values.fy) {
      const parsed = parseFiscalYear(values.fy);
      if (!parsed.ok) throw new UsageError(`--fy: ${parsed.error.messageEn}`);
      fy = parsed.value;
    }
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format must be text or json');
    let reports: PlanLintReport[];
    try {
      reports = positionals[0] ? await lintFile(positionals[0], values.plan, fy) : await lintDatabase(values, fy);
    } catch (e) {
      if (!(e instanceof BundleRefused)) throw e;
      process.stderr.write(e.message);
      return 1;
    }
    for (const report of reports) {
      process.stdout.write(values.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderText(report));
    }
    return 0;
  },
};

async function lintDatabase(values: { org?: string; plan?: string }, fy: number | undefined) {
  const ctx = await openContext();
  try {
    const organizationSlug = await resolveOrganization(ctx, values.org);
    return [await lintStoredPlan(ctx, { organizationSlug, planSlug: values.plan, fy })];
  } finally {
    await ctx.store.close();
  }
}

async function lintFile(file: string, planSlug: string | undefined, fy: number | undefined) {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${file} as JSON: ${(e as Error).message}`);
  }
  const checked = validateBundle(json);
  if (!checked.ok) {
    const outcome = { en: 'the plans cannot be checked', ja: '計画を検査できません' };
    throw new BundleRefused(bundleIssuesText(file, checked.issues, checked.total, outcome));
  }
  const bundle = checked.value;
  return bundle.plans
    .filter((p) => !planSlug || p.slug === planSlug)
    .map((plan) =>
      planLintReport(
        { organization: bundle.organization.slug, plan: plan.slug },
        plan,
        bundle.departments,
        fy ?? plan.edition?.fy ?? plan.period.startFy,
      ),
    );
}

/** A bundle file that does not validate: its issues text, printed instead of findings. */
class BundleRefused extends Error {}

const MARK = { error: '✖', warning: '▲', info: '・' } as const;

/** The findings in the plan's language: an English plan's report has no Japanese in it. */
function renderText(report: PlanLintReport): string {
  const lines = [`${report.organization}/${report.plan} (${report.fyLabel}): ${report.findings.length} findings`];
  for (const f of report.findings) {
    lines.push(`${MARK[f.severity]} [${f.code}] ${report.language === 'en' ? f.messageEn : f.message}`);
  }
  return `${lines.join('\n')}\n`;
}
