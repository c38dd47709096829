import { formatPlanYear } from './format-plan-year.ts';
import type { PlanDocument, StatedFigure } from './plan-document.ts';
import type { LintFinding } from './plan-lint.ts';
import { findLevel } from './rating-scale.ts';
import { formatDecimal } from './round-percent.ts';

/**
 * Decimal places a stated number was printed with (62.6 → 1, 40 → 0).
 * @example decimalsOf(62.6) // 1
 */
export function decimalsOf(x: number): number {
  const text = String(x);
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/** How a finding names the figure: its year, its scope and where it is printed. */
export function figureWording(plan: PlanDocument, figure: StatedFigure) {
  return {
    fyJa: formatPlanYear(figure.fy, plan, 'ja'),
    fyEn: formatPlanYear(figure.fy, plan, 'en'),
    scopeJa: figure.scope === undefined ? '' : `${figure.scope}の`,
    scopeEn: figure.scope === undefined ? '' : ` of ${figure.scope}`,
    source: figure.source ?? '原本',
  };
}

/**
 * The printed figures `count of` can round to, in units of 10^-decimals percent, by the plan's share rounding:
 * half-up or truncated per item gives one; largest remainder moves a share to either neighbour to make a whole
 * distribution add up to 100, so a share printed alone may be either.
 */
function roundingsOf(count: number, of: number, decimals: number, mode: PlanDocument['rollup']['shareRounding']) {
  const n = BigInt(count) * 100n * 10n ** BigInt(decimals);
  const d = BigInt(of);
  const floor = n / d;
  const exact = n % d === 0n;
  if (mode === 'truncate' || exact) return [floor];
  if (mode === 'half-up') return [(n % d) * 2n >= d ? floor + 1n : floor];
  return [floor, floor + 1n];
}

const asPercent = (units: bigint, decimals: number) => formatDecimal(Number(units) / 10 ** decimals, decimals);

/**
 * Lint findings for a figure printed with its counts (「73件中41件（56.2%）」): a printed share its own counts do
 * not give by the plan's share rounding, and printed counts that differ from the items' ratings when the plan
 * holds them (`counts`, absent when there are no items to count).
 * @example statedCountFindings(plan, { fy: 2024, method: 'share-of-level', level: 'A', count: 3, of: 16 }, { count: 2, of: 16 })
 */
export function statedCountFindings(
  plan: PlanDocument,
  figure: StatedFigure,
  counts: { count: number; of: number } | undefined,
): LintFinding[] {
  if (figure.count === undefined || figure.of === undefined) return [];
  const findings: LintFinding[] = [];
  const { fyJa, fyEn, scopeJa, scopeEn, source } = figureWording(plan, figure);
  const scale = plan.ratingScales.find((s) => s.key === (figure.scale ?? plan.ratingScales[0]?.key));
  const label = (figure.level && scale && findLevel(scale, figure.level)?.label) ?? figure.level ?? '';
  const what =
    figure.method === 'share-at-or-above'
      ? { ja: `「${label}」以上`, en: `at or above "${label}"` }
      : { ja: `「${label}」`, en: `on "${label}"` };
  const base = { severity: 'warning' as const, code: 'source-rounding' as const, nodeCode: figure.scope ?? null };
  if (figure.value !== undefined) {
    const decimals = decimalsOf(figure.value);
    const printed = formatDecimal(figure.value, decimals);
    const candidates = roundingsOf(figure.count, figure.of, decimals, plan.rollup.shareRounding).map((u) =>
      asPercent(u, decimals),
    );
    if (!candidates.includes(printed)) {
      findings.push({
        ...base,
        message: `${fyJa}の${scopeJa}${what.ja}の割合は${source}で${printed}%ですが、${source}の件数（${figure.of}件中${figure.count}件）からは${candidates.join('または')}%です`,
        messageEn: `${fyEn}: the share ${what.en}${scopeEn} is printed as ${printed}% in the source but its own counts (${figure.count} of ${figure.of}) give ${candidates.join(' or ')}%`,
        data: {
          fy: figure.fy,
          method: figure.method,
          stated: figure.value,
          computed: candidates,
          source: figure.source,
        },
      });
    }
  }
  if (counts && (counts.count !== figure.count || counts.of !== figure.of)) {
    findings.push({
      ...base,
      message: `${fyJa}の${scopeJa}${what.ja}の件数は${source}で${figure.of}件中${figure.count}件ですが、評価では${counts.of}件中${counts.count}件です`,
      messageEn: `${fyEn}: the count ${what.en}${scopeEn} is printed as ${figure.count} of ${figure.of} in the source but the ratings give ${counts.count} of ${counts.of}`,
      data: {
        fy: figure.fy,
        method: figure.method,
        stated: { count: figure.count, of: figure.of },
        computed: counts,
        source: figure.source,
      },
    });
  }
  return findings;
}
