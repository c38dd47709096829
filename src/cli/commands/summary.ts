import { stringify } from 'csv-stringify/sync';
import { type PlanSummary, planSummary } from '../../app/index.ts';
import { formatPercent, parseFiscalYear } from '../../domain/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { type Command, parseOptions } from './command.ts';

export const summary: Command = {
  summary: "print a fiscal year's ratings per initiative and the plan roll-up",
  usage: `Usage: shinchoku summary --fy YEAR [--plan SLUG] [--org SLUG] [--format table|json|csv]

YEAR is a Western fiscal year (2022) or a Japanese one (R4, 令和4年度). --plan may be omitted when the
organization has one plan. Prints one row per assessed initiative and the plan roll-up with its count.`,
  async run(args) {
    const { values } = parseOptions(
      args,
      {
        fy: { type: 'string' },
        plan: { type: 'string' },
        org: { type: 'string' },
        format: { type: 'string', default: 'table' },
      },
      false,
    );
    if (!values.fy) throw new UsageError('--fy is required (e.g. --fy 2022 or --fy R4)');
    const fy = parseFiscalYear(values.fy);
    if (!fy.ok) throw new UsageError(`--fy: ${fy.error.messageEn}`);
    const format = values.format;
    if (format !== 'table' && format !== 'json' && format !== 'csv') {
      throw new UsageError(`--format must be table, json or csv (got "${format}")`);
    }
    const ctx = await openContext();
    try {
      const organizationSlug = await resolveOrganization(ctx, values.org);
      const result = await planSummary(ctx, { organizationSlug, planSlug: values.plan, fy: fy.value });
      process.stdout.write(render(result, format));
      return 0;
    } finally {
      await ctx.store.close();
    }
  },
};

function render(s: PlanSummary, format: 'table' | 'json' | 'csv'): string {
  const r = s.rollup;
  if (format === 'json') {
    return `${JSON.stringify(
      {
        organization: s.organization,
        plan: s.plan,
        fy: s.fy,
        scale: s.scaleName,
        rows: s.rows,
        rollup: {
          method: r.method,
          methodLabel: r.methodLabel.en,
          value: r.value,
          formatted: r.formatted,
          assessed: r.assessedCount,
          used: r.usedCount,
          total: r.totalCount,
          missing: r.missing,
          excluded: r.excluded,
        },
        scales: s.scales.map((d) => ({
          key: d.scaleKey,
          name: d.scaleName,
          method: d.method,
          methodLabel: d.methodLabel.en,
          value: d.value,
          formatted: d.formatted,
          assessed: d.assessedCount,
          used: d.usedCount,
          total: d.totalCount,
          missing: d.missing,
          excluded: d.excluded,
          distribution: d.distribution.map((x) => ({
            level: x.levelKey,
            label: x.label,
            count: x.count,
            share: x.share,
          })),
        })),
        // Only for a plan with both actions and indicator nodes, so other plans' output stays as it was.
        ...(s.nodeTypes.length > 0 && {
          nodeTypes: s.nodeTypes.map(({ type, rollup: t }) => ({
            type,
            methodLabel: t.methodLabel.en,
            value: t.value,
            formatted: t.formatted,
            assessed: t.assessedCount,
            total: t.totalCount,
            missing: t.missing,
          })),
        }),
      },
      null,
      2,
    )}\n`;
  }
  // An English plan's summary is English only; a Japanese plan's keeps its Japanese with the English beside.
  const en = s.language === 'en';
  const list = en ? '; ' : '、';
  if (format === 'csv') {
    const rows = s.rows.map((x) => [x.code, x.title, x.departments.join(list), x.label, x.score ?? '']);
    rows.push(['', `${r.methodLabel[s.language]}`, '', r.formatted, r.value ?? '']);
    for (const d of s.scales.slice(1))
      rows.push(['', `${d.scaleName} ${d.methodLabel[s.language]}`, '', d.formatted, d.value ?? '']);
    for (const { rollup: t } of s.nodeTypes)
      rows.push([
        '',
        `${en ? 'indicator items' : '指標の項目'} ${t.methodLabel[s.language]}`,
        '',
        t.formatted,
        t.value ?? '',
      ]);
    return stringify([['code', 'title', 'departments', 'rating', 'score'], ...rows]);
  }
  const width = Math.max(...s.rows.map((x) => x.code.length), 4);
  const departments = (x: PlanSummary['rows'][number]) =>
    en ? ` (${x.departments.join(list)})` : `（${x.departments.join(list)}）`;
  const coverage = (c: { ja: string; en: string }) => (en ? `(${c.en})` : `(${c.ja}; ${c.en})`);
  const lines = [
    `${s.planTitle} — ${s.fyLabel} ${s.scaleName}`,
    '',
    ...s.rows.map((x) => `${x.code.padEnd(width)}  ${x.label.padStart(6)}  ${x.title}${departments(x)}`),
    '',
    `${r.methodLabel[s.language]}: ${r.formatted}  ${coverage(r.coverageLabel)}`,
  ];
  if (r.missing.length) lines.push(`${en ? '' : '未評価 / '}missing: ${r.missing.join(', ')}`);
  if (r.excluded.length) lines.push(`${en ? '' : '除外 / '}excluded: ${r.excluded.join(', ')}`);
  for (const { rollup: t } of s.nodeTypes) {
    lines.push(
      `${en ? '' : '指標の項目 / '}indicator items: ${t.methodLabel[s.language]}: ${t.formatted}  ${coverage(t.coverageLabel)}`,
    );
  }
  for (const d of s.scales) lines.push('', ...dimensionLines(d, s.shareDecimals, s.language));
  return `${lines.join('\n')}\n`;
}

/** One rating dimension: its name, the roll-up with its coverage, and the count and share of every level. */
function dimensionLines(d: PlanSummary['scales'][number], decimals: number, language: 'ja' | 'en'): string[] {
  if (language === 'en') {
    const lines = [`${d.scaleNameEn ?? d.scaleName}: ${d.methodLabel.en}: ${d.formatted}  (${d.coverageLabel.en})`];
    const counts = d.distribution.map((x) => `${x.label} ${x.count} ${formatPercent(x.share, decimals)}`);
    if (counts.length) lines.push(`  distribution: ${counts.join(', ')}`);
    return lines;
  }
  const name = d.scaleNameEn ? `${d.scaleName} / ${d.scaleNameEn}` : d.scaleName;
  const lines = [`${name}: ${d.methodLabel.ja}: ${d.formatted}  (${d.coverageLabel.ja}; ${d.coverageLabel.en})`];
  const counts = d.distribution.map((x) => `${x.label} ${x.count}件 ${formatPercent(x.share, decimals)}`);
  if (counts.length) lines.push(`  分布 / distribution: ${counts.join(', ')}`);
  return lines;
}
