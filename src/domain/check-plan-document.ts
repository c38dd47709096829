import type { z } from 'zod';
import type { Evaluation } from './evaluation-method.ts';
import { checkStages } from './evaluation-stage.ts';
import type { PlanNode } from './plan-node.ts';
import type { RatingScale } from './rating-scale-schema.ts';
import { checkFieldDefs, checkNodeFields, type SheetFieldDef } from './sheet-field-def.ts';
import { statusOverrideIssues } from './status-override.ts';

/** The parts of a plan document that the checks across its fields read. */
export interface CheckedPlan {
  period: { startFy: number; endFy: number };
  levels: unknown[];
  ratingScales: RatingScale[];
  ratingRules: { scale: string; thresholds: { level: string }[] }[];
  nodes: PlanNode[];
  sheetFields?: SheetFieldDef[] | undefined;
  evaluation?: Evaluation | undefined;
  evaluationStages?: { key: string }[] | undefined;
  listedStage?: string | undefined;
}

/**
 * The checks across fields of a plan document (period order, references to scales and levels, unique node codes,
 * tree depth, evaluation stages, one part per co-department and year, verdicts set by hand only as the plan's method allows, unique field keys and field values of their shapes), reported as zod issues with their paths.
 */
export function checkPlanDocument(plan: CheckedPlan, ctx: z.RefinementCtx): void {
  if (plan.period.endFy < plan.period.startFy) {
    ctx.addIssue({
      code: 'custom',
      path: ['period', 'endFy'],
      message: 'endFy is before startFy',
      params: { ja: '終了年度（endFy）が開始年度（startFy）より前です' },
    });
  }
  const stageKeys = (plan.evaluationStages ?? []).map((s) => s.key);
  checkStages(plan, stageKeys, ctx);
  const scaleKeys = new Set(plan.ratingScales.map((s) => s.key));
  const listed = (keys: Iterable<string>) => [...keys].join(', ');
  plan.ratingRules.forEach((rule, i) => {
    const scale = plan.ratingScales.find((s) => s.key === rule.scale);
    if (!scale) {
      ctx.addIssue({
        code: 'custom',
        path: ['ratingRules', i, 'scale'],
        message: `unknown scale "${rule.scale}"; valid scales: ${listed(scaleKeys)}`,
      });
      return;
    }
    const levels = scale.levels.map((l) => l.key);
    rule.thresholds.forEach((t, j) => {
      if (!levels.includes(t.level)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ratingRules', i, 'thresholds', j, 'level'],
          message: `unknown level "${t.level}" of scale "${scale.key}"; valid levels: ${listed(levels)}`,
        });
      }
    });
  });
  const levelKeys = new Map(plan.ratingScales.map((s) => [s.key, new Set(s.levels.map((l) => l.key))]));
  const primary = plan.ratingScales[0]?.key;
  const codes = new Set<string>();
  const walk = (nodes: PlanNode[], path: (string | number)[], depth: number) => {
    nodes.forEach((node, i) => {
      const here = [...path, i];
      if (codes.has(node.code)) {
        ctx.addIssue({
          code: 'custom',
          path: [...here, 'code'],
          message: `duplicate code "${node.code}"`,
          params: { ja: `番号「${node.code}」が重複しています` },
        });
      }
      codes.add(node.code);
      if (depth >= plan.levels.length && node.children.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [...here, 'children'],
          message: `deeper than the ${plan.levels.length} levels the plan names`,
          params: { ja: `計画が定める${plan.levels.length}階層より深くなっています` },
        });
      }
      if (node.type !== undefined && node.type !== 'objective' && node.children.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [...here, 'type'],
          message: `a node of type "${node.type}" has no children; a node with children is an objective`,
          params: { ja: `種類「${node.type}」の項目は下位の項目を持てません（下位の項目を持つのは objective です）` },
        });
      }
      node.assessments.forEach((a, j) => {
        if (a.stage !== undefined && !stageKeys.includes(a.stage)) {
          const known = stageKeys.join(', ') || '—';
          ctx.addIssue({
            code: 'custom',
            path: [...here, 'assessments', j, 'stage'],
            message: `unknown evaluation stage "${a.stage}" (stages: ${known})`,
            params: { ja: `評価段階「${a.stage}」は計画の evaluationStages にありません（評価段階: ${known}）` },
          });
        }
        const scale = a.scale ?? primary;
        if (!scale || !scaleKeys.has(scale)) {
          const known = [...scaleKeys].join(', ');
          ctx.addIssue({
            code: 'custom',
            path: [...here, 'assessments', j, 'scale'],
            message: `unknown scale "${scale}" (scales: ${known})`,
            params: { ja: `尺度「${scale}」はありません（尺度: ${known}）` },
          });
          return;
        }
        const scaleDef = plan.ratingScales.find((s) => s.key === scale);
        if (scaleDef?.kind === 'numeric') {
          const n = Number(a.level);
          if (!Number.isFinite(n) || n < (scaleDef.min ?? 0) || n > (scaleDef.max ?? 100)) {
            ctx.addIssue({
              code: 'custom',
              path: [...here, 'assessments', j, 'level'],
              message: `"${a.level}" is not a number between ${scaleDef.min} and ${scaleDef.max}`,
              params: { ja: `「${a.level}」は ${scaleDef.min}～${scaleDef.max} の数値ではありません` },
            });
          }
        } else if (!levelKeys.get(scale)?.has(a.level)) {
          ctx.addIssue({
            code: 'custom',
            path: [...here, 'assessments', j, 'level'],
            message: `"${a.level}" is not a level of scale "${scale}" (levels: ${[...levelKeys.get(scale)!].join(', ')})`,
            params: {
              ja: `「${a.level}」は尺度「${scale}」の段階ではありません（段階: ${[...levelKeys.get(scale)!].join(', ')}）`,
            },
          });
        }
      });
      for (const issue of statusOverrideIssues(plan.evaluation, node.statusOverrides)) {
        ctx.addIssue({
          code: 'custom',
          path: [...here, ...issue.path],
          message: issue.message,
          params: { ja: issue.ja },
        });
      }
      const parts = new Set<string>();
      node.contributions?.forEach((c, j) => {
        const key = `${c.fy}:${c.department}`;
        if (parts.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [...here, 'contributions', j],
            message: `a second part of "${c.department}" for FY${c.fy}`,
            params: { ja: `${c.fy}年度の「${c.department}」の記入が重複しています` },
          });
        }
        parts.add(key);
      });
      checkNodeFields(node.fields, plan.sheetFields ?? [], here, ctx);
      walk(node.children, [...here, 'children'], depth + 1);
    });
  };
  checkFieldDefs(plan.sheetFields ?? [], ctx);
  walk(plan.nodes, ['nodes'], 1);
}
