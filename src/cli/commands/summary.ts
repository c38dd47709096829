import { stringify } from 'csv-stringify/sync';
import { type PlanSummary, planSummary } from '../../app/index.ts';
import { formatPercent, type PlanRollup, parseFiscalYear } from '../../domain/index.ts';
import { UsageError } from '../cli-error.ts';
import { openContext } from '../open-context.ts';
import { resolveOrganization } from '../resolve-organization.ts';
import { type Command, parseOptions } from './command.ts';

export const summary: Command = {
  summary: "print a fiscal year's ratings per initiative and the plan roll-up",
  usage: `Usage: shinchoku summary --fy YEAR [--plan SLUG] [--org SLUG] [--format table|json|csv]

YEAR is the year as the plan names it: a Western fiscal year (2022), a Japanese one (R4, 令和4年度), a fiscal
year across two calendar years (2025/26) or a calendar year (2025). --plan may be omitted when the organization
has one plan. Prints one row per assessed initiative and the plan roll-up with its count, each rating dimension
and evaluation stage rolled up, and the verdicts of the status rule the plan declares (none where it declares none).`,
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
          ...rollupJson(d),
          used: d.usedCount,
          excluded: d.excluded,
        })),
        // Only for a plan with both actions and indicator nodes, so other plans' output stays as it was.
        ...(s.nodeTypes.length > 0 && {
          nodeTypes: s.nodeTypes.map(({ type, rollup: t }) => {
            const { distribution: _shown, ...figure } = rollupJson(t);
            return { type, ...figure };
          }),
        }),
        ...(s.stages.length > 0 && {
          stages: s.stages.map(({ stage, listed, rollup: t }) => ({
            key: stage.key,
            name: stage.name,
            nameEn: stage.nameEn ?? null,
            listed,
            ...rollupJson(t),
          })),
        }),
        ...(s.periods.length > 0 && {
          periods: s.periods.map(({ fy, period, label, rollup: t }) => ({ fy, period, label, ...rollupJson(t) })),
        }),
        ...(s.status && { status: s.status }),
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
    for (const { stage, rollup: t } of s.stages)
      rows.push([
        '',
        `${en ? (stage.nameEn ?? stage.name) : stage.name} ${t.methodLabel[s.language]}`,
        '',
        t.formatted,
        t.value ?? '',
      ]);
    for (const { label, rollup: t } of s.periods)
      rows.push(['', `${label} ${t.methodLabel[s.language]}`, '', t.formatted, t.value ?? '']);
    const header = ['code', 'title', 'departments', 'rating', 'score'];
    if (!s.status) return stringify([header, ...rows]);
    // A plan with a status rule gets each item's verdict as a last column.
    const verdicts = new Map(s.status.items.map((x) => [x.code, statusLabel(x, en)]));
    return stringify([
      [...header, 'status'],
      ...rows.map((row) => [...row, row[0] ? (verdicts.get(String(row[0])) ?? '') : '']),
    ]);
  }
  const width = Math.max(...s.rows.map((x) => x.code.length), 4);
  const labelWidth = Math.max(...s.rows.map((x) => x.label.length), 6);
  const departments = (x: PlanSummary['rows'][number]) =>
    en ? ` (${x.departments.join(list)})` : `（${x.departments.join(list)}）`;
  const coverage = (c: { ja: string; en: string }) => (en ? `(${c.en})` : `(${c.ja}; ${c.en})`);
  const lines = [
    `${s.planTitle} — ${s.fyLabel} ${s.scaleName}`,
    '',
    ...s.rows.map((x) => `${x.code.padEnd(width)}  ${x.label.padStart(labelWidth)}  ${x.title}${departments(x)}`),
    '',
    `${r.methodLabel[s.language]}: ${r.formatted || '—'}  ${coverage(r.coverageLabel)}`,
  ];
  if (r.missing.length) lines.push(`${en ? '' : '未評価 / '}missing: ${r.missing.join(', ')}`);
  if (r.excluded.length) lines.push(`${en ? '' : '除外 / '}excluded: ${r.excluded.join(', ')}`);
  for (const { rollup: t } of s.nodeTypes) {
    lines.push(
      `${en ? '' : '指標の項目 / '}indicator items: ${t.methodLabel[s.language]}: ${t.formatted}  ${coverage(t.coverageLabel)}`,
    );
  }
  if (s.status) lines.push('', ...statusLines(s.status, en));
  for (const d of s.scales) lines.push('', ...dimensionLines(d, s.shareDecimals, s.language));
  for (const t of s.stages) lines.push('', ...stageLines(t, s.shareDecimals, s.language));
  for (const p of s.periods) lines.push('', ...rollupLines(p.label, p.rollup, s.shareDecimals, s.language));
  return `${lines.join('\n')}\n`;
}

/** One rating dimension: its name, the roll-up with its coverage, and the count and share of every level. */
function dimensionLines(d: PlanSummary['scales'][number], decimals: number, language: 'ja' | 'en'): string[] {
  const name =
    language === 'en'
      ? (d.scaleNameEn ?? d.scaleName)
      : d.scaleNameEn
        ? `${d.scaleName} / ${d.scaleNameEn}`
        : d.scaleName;
  return rollupLines(name, d, decimals, language);
}

/** One evaluation stage's roll-up of the primary scale, the stage the 一覧 lists marked. */
function stageLines(t: PlanSummary['stages'][number], decimals: number, language: 'ja' | 'en'): string[] {
  const en = language === 'en';
  const listed = t.listed ? (en ? ' (as listed)' : '（一覧に掲載 / as listed）') : '';
  return rollupLines(`${stageName(t.stage, en)}${listed}`, t.rollup, decimals, language);
}

function rollupLines(name: string, r: PlanRollup, decimals: number, language: 'ja' | 'en'): string[] {
  const en = language === 'en';
  const coverage = en ? r.coverageLabel.en : `${r.coverageLabel.ja}; ${r.coverageLabel.en}`;
  const lines = [`${name}: ${r.methodLabel[language]}: ${r.formatted || '—'}  (${coverage})`];
  const counts = r.distribution.map(
    (x) => `${x.label} ${x.count}${en ? '' : '件'} ${formatPercent(x.share, decimals)}`,
  );
  if (counts.length) lines.push(`  ${en ? '' : '分布 / '}distribution: ${counts.join(', ')}`);
  return lines;
}

/** A roll-up in the JSON output (a scale's, a stage's, a period's): its figure, coverage and distribution. */
function rollupJson(t: PlanRollup) {
  return {
    methodLabel: t.methodLabel.en,
    value: t.value,
    formatted: t.formatted,
    assessed: t.assessedCount,
    total: t.totalCount,
    missing: t.missing,
    distribution: t.distribution.map((x) => ({ level: x.levelKey, label: x.label, count: x.count, share: x.share })),
  };
}

function stageName(stage: PlanSummary['stages'][number]['stage'], en: boolean): string {
  if (en) return stage.nameEn ?? stage.name;
  return stage.nameEn ? `${stage.name} / ${stage.nameEn}` : stage.name;
}

function statusLabel(x: NonNullable<PlanSummary['status']>['items'][number], en: boolean): string {
  if (x.label === null) return en ? 'no verdict' : '判定なし';
  return en ? (x.labelEn ?? x.label) : x.label;
}

function expectedNote(expected: number | null, en: boolean): string {
  if (expected === null) return '';
  return en ? ` (expected by even progress: ${formatPercent(expected)})` : `（目安 ${formatPercent(expected)}）`;
}

/** The declared status rule's verdict for each item with the arithmetic it came from; never a verdict by default. */
function statusLines(status: NonNullable<PlanSummary['status']>, en: boolean): string[] {
  const name = en ? (status.nameEn ?? status.name) : status.nameEn ? `${status.name} / ${status.nameEn}` : status.name;
  const width = Math.max(...status.items.map((x) => x.code.length), 4);
  const labelWidth = Math.max(...status.items.map((x) => statusLabel(x, en).length), 4);
  return [
    `${name}:`,
    ...status.items.map(
      (x) =>
        `${x.code.padEnd(width)}  ${statusLabel(x, en).padEnd(labelWidth)}  ${en ? x.formula.en : x.formula.ja}${expectedNote(x.expected, en)}`,
    ),
  ];
}
