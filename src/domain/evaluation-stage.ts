import { z } from 'zod';
import { nonEmpty, Slug, text } from './schema-text.ts';
import { TEXT_LIMITS as L } from './text-limits.ts';

/**
 * A stage in which a plan's items are rated in a year, in the order the stages happen: 事中評価 (mid-year) and
 * 事後評価 (year-end), or 一次評価 (by the 課), 二次評価 (by the plan office) and 外部評価 (by a committee). Each
 * stage's ratings are kept, shown and rolled up apart; the plan says which one its 一覧 and headline figures use.
 */
export const EvaluationStage = z.object({
  key: Slug,
  name: nonEmpty(L.name),
  nameEn: text(L.name).optional(),
  /** Who rates in this stage or when, as the plan words it (e.g. 「外部評価委員会」「9月時点」). */
  note: text(L.note).optional(),
});

export type EvaluationStage = z.output<typeof EvaluationStage>;

/** Stage keys unique; `listedStage` one of them, and given whenever stages are declared. */
export function checkStages(plan: { listedStage?: string | undefined }, keys: string[], ctx: z.RefinementCtx): void {
  keys.forEach((key, i) => {
    if (keys.indexOf(key) !== i) {
      ctx.addIssue({
        code: 'custom',
        path: ['evaluationStages', i, 'key'],
        message: `duplicate stage key "${key}"`,
        params: { ja: `評価段階のキー「${key}」が重複しています` },
      });
    }
  });
  const known = keys.join(', ') || '—';
  if (plan.listedStage !== undefined && !keys.includes(plan.listedStage)) {
    ctx.addIssue({
      code: 'custom',
      path: ['listedStage'],
      message: `listedStage "${plan.listedStage}" is not one of evaluationStages (${known})`,
      params: { ja: `listedStage「${plan.listedStage}」は evaluationStages にありません（${known}）` },
    });
  } else if (plan.listedStage === undefined && keys.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['listedStage'],
      message: `with evaluationStages, say which stage the 一覧 shows (listedStage: one of ${known})`,
      params: { ja: `evaluationStages を定めたら、一覧に示す評価段階を listedStage で指定してください（${known}）` },
    });
  }
}
