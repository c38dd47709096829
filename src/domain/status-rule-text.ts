import type { StatusRule } from './evaluation-method.ts';
import { formatQuantity } from './round-percent.ts';

type Text = { ja: string; en: string };

/**
 * A status rule in words for the page, the PDF and the API, built from the rule's own data so what is printed
 * is what is applied.
 * @example statusRuleText(proRata10).ja // "計画期間の経過に応じた目安以上は「順調」、目安から10ポイント下までは「やや遅れ」、それより下は「遅れ」"
 */
export function statusRuleText(rule: StatusRule): Text {
  const label = (key: string) => {
    const l = rule.levels.find((x) => x.key === key);
    return { ja: l?.label ?? key, en: l?.labelEn ?? l?.label ?? key };
  };
  const proRata = rule.measure === 'pro-rata';
  const parts: Text[] = [];
  if (rule.tolerance) {
    const t = rule.tolerance;
    const [met, within, outside] = [label(t.met), label(t.within), label(t.outside)];
    const slack =
      t.points === undefined
        ? { ja: `${formatQuantity(t.percent ?? 0)}%`, en: `${formatQuantity(t.percent ?? 0)}%` }
        : { ja: `${formatQuantity(t.points)}ポイント`, en: `${formatQuantity(t.points)} points` };
    parts.push(
      proRata
        ? {
            ja: `計画期間の経過に応じた目安以上は「${met.ja}」、目安から${slack.ja}下までは「${within.ja}」、それより下は「${outside.ja}」`,
            en: `"${met.en}" at or above even progress over the period, "${within.en}" up to ${slack.en} below it, "${outside.en}" further below`,
          }
        : {
            ja: `目標の100%以上は「${met.ja}」、そこから${slack.ja}下までは「${within.ja}」、それより下は「${outside.ja}」`,
            en: `"${met.en}" at or above 100% of the target, "${within.en}" up to ${slack.en} below it, "${outside.en}" further below`,
          },
    );
  }
  if (rule.bands) {
    const unit = proRata ? { ja: 'ポイント', en: ' points' } : { ja: '%', en: '%' };
    const what = proRata ? { ja: '目安との差', en: 'difference from even progress' } : { ja: '達成率', en: 'progress' };
    const bands = rule.bands.map((b) => {
      const l = label(b.level);
      if (b.from === undefined) return { ja: `それ以外は「${l.ja}」`, en: `"${l.en}" otherwise` };
      const edge = formatQuantity(b.from);
      return b.inclusive
        ? { ja: `${edge}${unit.ja}以上は「${l.ja}」`, en: `"${l.en}" at or above ${edge}${unit.en}` }
        : { ja: `${edge}${unit.ja}超は「${l.ja}」`, en: `"${l.en}" above ${edge}${unit.en}` };
    });
    parts.push({
      ja: `${what.ja}が${bands.map((b) => b.ja).join('、')}`,
      en: `${what.en}: ${bands.map((b) => b.en).join(', ')}`,
    });
  }
  if (rule.reached) {
    const l = label(rule.reached);
    parts.push({
      ja: `すべての指標が目標に到達していれば「${l.ja}」`,
      en: `"${l.en}" when every indicator has reached its target`,
    });
  }
  if (rule.improving) {
    const [from, to] = [label(rule.improving.from), label(rule.improving.level)];
    parts.push({
      ja: `「${from.ja}」でも前年度より改善していれば「${to.ja}」`,
      en: `"${to.en}" instead of "${from.en}" when better than the previous year`,
    });
  }
  if (rule.override) {
    parts.push(
      rule.override.rollup === 'override'
        ? {
            ja: '担当課または計画担当が理由を付けて手入力した判定があれば、集計はその判定による',
            en: 'a verdict set by hand with a reason (by the department or the plan office) is the one counted',
          }
        : {
            ja: '担当課または計画担当が理由を付けて手入力した判定も示すが、集計は計算による判定による',
            en: 'a verdict set by hand with a reason is shown, but the computed one is counted',
          },
    );
  }
  return { ja: parts.map((p) => p.ja).join('。'), en: parts.map((p) => p.en).join('. ') };
}
