import { z } from 'zod';
import {
  findNode,
  type Indicator,
  LIFECYCLE_STATUS,
  type Lifecycle,
  NodeType,
  type PlanNode,
  parseQuantity,
  TEXT_LIMITS,
  timeZoneOf,
  valueKeys,
} from '../domain/index.ts';
import { getNodeByCode, listDepartments, transaction } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { checkTextFields } from './check-text-fields.ts';
import { type FieldErrors, invalidInput } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';
import { loadPlan } from './load-plan.ts';
import { localDate } from './local-date.ts';
import { parseNumber } from './report-form.ts';
import { updateNodeSheetIn } from './update-node.ts';

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The node form of the plan office: everything on a sheet except the yearly report and the KPIs. */
export interface NodeFormInput {
  title: string;
  /** 課 codes, lead first (empty entries are ignored). */
  departments: string[];
  goal: string;
  situationFy: string;
  situation: string;
  challengesFy: string;
  challenges: string;
  /** "3, 11" */
  sdgs: string;
  lifecycleStatus: string;
  lifecycleFromFy: string;
  /** Codes merged or split into, comma separated. */
  lifecycleInto: string;
  lifecycleNote: string;
  /** objective / action / indicator; empty: by its place in the tree. */
  type?: string | undefined;
}

interface Props {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  code: string;
  expectedVersion: number;
}

function fyOrError(value: string, field: string, errors: FieldErrors): number | undefined {
  if (!value.trim()) return undefined;
  const n = parseNumber(value);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1900 || n > 2200) {
    errors[field] = M.fiscalYear;
    return undefined;
  }
  return n;
}

/**
 * Saves a sheet's title, 課, 現状/課題, goal, SDGs, type (objective / action / indicator) and lifecycle (completed, abolished or merged into another,
 * from a fiscal year). Plan office only; version-checked and audited like every sheet write.
 */
export async function editNode(props: Props & { input: NodeFormInput }): Promise<{ version: number }> {
  return transaction(props.ctx.store, async (tx) => {
    const loaded = await loadPlan(tx, props.organizationSlug, props.planSlug);
    const orgId = loaded.organization.id;
    authorize(props.actor, 'plan.edit', { organizationId: orgId });
    const i = props.input;
    const errors: FieldErrors = {};
    if (!i.title.trim()) errors.title = { ja: '名称を入力してください', en: 'Enter the name' };
    const known = new Set((await listDepartments(tx, orgId)).map((d) => d.code));
    const departments = [...new Set(i.departments.map((d) => d.trim()).filter(Boolean))];
    const unknown = departments.filter((d) => !known.has(d));
    if (unknown.length)
      errors.departments = {
        ja: `登録されていない課です: ${unknown.join('、')}`,
        en: `Not a registered department: ${unknown.join(', ')}`,
      };
    const sdgs = i.sdgs
      .split(/[,、\s]+/)
      .filter(Boolean)
      .map((s) => Number(s.normalize('NFKC')));
    if (sdgs.some((n) => !Number.isInteger(n) || n < 1 || n > 17))
      errors.sdgs = {
        ja: 'SDGsの目標は1から17の番号で入力してください',
        en: 'Enter SDG goals as numbers from 1 to 17',
      };
    const situationFy = fyOrError(i.situationFy, 'situationFy', errors);
    const challengesFy = fyOrError(i.challengesFy, 'challengesFy', errors);
    const fromFy = fyOrError(i.lifecycleFromFy, 'lifecycleFromFy', errors);
    const status = i.lifecycleStatus as Lifecycle['status'];
    if (!valueKeys(LIFECYCLE_STATUS).includes(status))
      errors.lifecycleStatus = { ja: '状態を選んでください', en: 'Choose a status' };
    const into = i.lifecycleInto.split(/[,、\s]+/).filter(Boolean);
    if ((status === 'merged' || status === 'split') && into.length === 0) {
      errors.lifecycleInto = {
        ja: '統合・分割先の番号を入力してください',
        en: 'Enter the codes it was merged or split into',
      };
    }
    if (status !== 'active' && fromFy === undefined && !errors.lifecycleFromFy) {
      errors.lifecycleFromFy = {
        ja: 'いつの年度からかを入力してください',
        en: 'Enter the fiscal year it applies from',
      };
    }
    const type = (i.type ?? '').trim();
    const typeKeys = NodeType.options as readonly string[];
    const current = findNode(loaded.document, props.code);
    if (type && !typeKeys.includes(type)) {
      errors.type = { ja: '種類を一覧から選んでください', en: 'Choose a type from the list' };
    } else if (type && type !== 'objective' && (current?.children.length ?? 0) > 0) {
      errors.type = {
        ja: '下位の項目がある項目は「目標（objective）」です',
        en: 'A node with nodes below it is an objective',
      };
    }
    const codes = new Set(loaded.nodes.map((n) => n.code));
    const missing = into.filter((c) => !codes.has(c) || c === props.code);
    if (missing.length)
      errors.lifecycleInto = {
        ja: `計画にない番号です: ${missing.join('、')}`,
        en: `Not a code of this plan: ${missing.join(', ')}`,
      };
    if (
      (lines(i.situation).length && situationFy === undefined) ||
      (lines(i.challenges).length && challengesFy === undefined)
    ) {
      if (!errors.situationFy && lines(i.situation).length && situationFy === undefined) errors.situationFy = M.asOfFy;
      if (!errors.challengesFy && lines(i.challenges).length && challengesFy === undefined)
        errors.challengesFy = M.asOfFy;
    }
    checkTextFields(errors, {
      title: [i.title.trim(), 'title'],
      goal: [i.goal, 'text'],
      situation: [i.situation, 'text'],
      challenges: [i.challenges, 'text'],
      lifecycleNote: [i.lifecycleNote, 'note'],
    });
    for (const field of ['situation', 'challenges'] as const)
      if (!errors[field] && lines(i[field]).some((l) => l.length > TEXT_LIMITS.line)) errors[field] = M.lineTooLong;
    if (Object.keys(errors).length) throw invalidInput(errors);
    const row = await getNodeByCode(tx, orgId, loaded.plan.id, props.code);
    const lifecycle: Lifecycle = {
      ...(row?.content.lifecycle ?? { status: 'active', into: [] }),
      status,
      fromFy: status === 'active' ? undefined : fromFy,
      into: status === 'merged' || status === 'split' ? into : [],
      note: i.lifecycleNote.trim() || undefined,
    };
    const saved = await updateNodeSheetIn(tx, {
      ...props,
      changes: {
        title: i.title.trim(),
        departments,
        goal: i.goal.trim() || undefined,
        situation: situationFy !== undefined ? { asOfFy: situationFy, items: lines(i.situation) } : undefined,
        challenges: challengesFy !== undefined ? { asOfFy: challengesFy, items: lines(i.challenges) } : undefined,
        sdgs: [...new Set(sdgs)].sort((a, b) => a - b),
        lifecycle,
        // Only a form that shows the field changes it.
        ...(i.type !== undefined && { type: (type || undefined) as PlanNode['type'] }),
      },
      action: 'node.update',
    });
    return { version: saved.version };
  });
}

/** One KPI as typed in the form; `key` names an existing indicator or a new one. */
export interface IndicatorFormInput {
  key: string;
  name: string;
  unit: string;
  kind: string;
  direction: string;
  baselineFy: string;
  baselineValue: string;
  targetFy: string;
  targetValue: string;
  targetNote: string;
  /** When the target value changes: the first fiscal year the new target applies (the old one is kept). */
  reviseFromFy: string;
}

const IndicatorKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const IndicatorDirection = z.enum(['higher', 'lower', 'unknown']);

/**
 * Adds or edits one KPI of a sheet. Changing the target with a "from" year keeps the old target in
 * `targetHistory`, so earlier years are still judged against the target in force then.
 */
export async function editIndicator(props: Props & { input: IndicatorFormInput }): Promise<{ version: number }> {
  return transaction(props.ctx.store, async (tx) => {
    const loaded = await loadPlan(tx, props.organizationSlug, props.planSlug);
    const orgId = loaded.organization.id;
    authorize(props.actor, 'plan.edit', { organizationId: orgId });
    const row = await getNodeByCode(tx, orgId, loaded.plan.id, props.code);
    const node = row && ({ ...row.content, code: row.code, title: row.title, children: [] } as PlanNode);
    const i = props.input;
    const errors: FieldErrors = {};
    if (!IndicatorKey.safeParse(i.key).success)
      errors.key = {
        ja: '記号は半角英小文字・数字・「-」で入力してください',
        en: 'Use lower-case letters, digits and "-" for the key',
      };
    if (!i.name.trim()) errors.name = { ja: '指標名を入力してください', en: 'Enter the indicator name' };
    if (!['cumulative', 'level', 'milestone', 'text'].includes(i.kind))
      errors.kind = { ja: '種類を選んでください', en: 'Choose a kind' };
    const direction = IndicatorDirection.safeParse(i.direction);
    if (!direction.success) errors.direction = { ja: '望ましい方向を選んでください', en: 'Choose a direction' };
    const num = (v: string, field: string) => {
      const n = parseQuantity(v, i.unit);
      if (!n.ok) errors[field] = { ja: n.error.message, en: n.error.messageEn };
      return n.ok ? n.value : null;
    };
    const baselineValue = num(i.baselineValue, 'baselineValue');
    const targetValue = num(i.targetValue, 'targetValue');
    const baselineFy = fyOrError(i.baselineFy, 'baselineFy', errors);
    const targetFy = fyOrError(i.targetFy, 'targetFy', errors);
    const reviseFromFy = fyOrError(i.reviseFromFy, 'reviseFromFy', errors);
    if (baselineValue !== null && baselineFy === undefined && !errors.baselineFy)
      errors.baselineFy = { ja: '基準値の年度を入力してください', en: 'Enter the fiscal year of the baseline' };
    if (targetValue !== null && targetFy === undefined && !errors.targetFy)
      errors.targetFy = { ja: '目標の年度を入力してください', en: 'Enter the fiscal year of the target' };
    checkTextFields(errors, {
      name: [i.name.trim(), 'title'],
      unit: [i.unit.trim(), 'short'],
      targetNote: [i.targetNote, 'note'],
    });
    if (Object.keys(errors).length) throw invalidInput(errors);
    const existing = node?.indicators.find((x) => x.key === i.key);
    let targetHistory = existing?.targetHistory ?? [];
    let inForceFromFy = existing?.target?.inForceFromFy;
    const oldTarget = existing?.target;
    if (
      oldTarget &&
      oldTarget.value !== null &&
      targetValue !== null &&
      oldTarget.value !== targetValue &&
      reviseFromFy
    ) {
      targetHistory = [
        ...targetHistory,
        {
          fromFy: oldTarget.inForceFromFy ?? loaded.document.period.startFy,
          value: oldTarget.value,
          ...(oldTarget.note && { note: oldTarget.note }),
          decidedOn: localDate(props.ctx.now(), timeZoneOf(loaded.organization)),
        },
      ];
      inForceFromFy = reviseFromFy;
    }
    const indicator: Indicator = {
      ...(existing ?? { valueBasis: 'increment', yearBasis: 'fiscal', values: [], targetHistory: [] }),
      key: i.key,
      name: i.name.trim(),
      unit: i.unit.trim(),
      kind: i.kind as Indicator['kind'],
      direction: direction.data ?? 'higher',
      baseline:
        baselineValue !== null && baselineFy !== undefined
          ? { ...existing?.baseline, fy: baselineFy, value: baselineValue }
          : undefined,
      target:
        targetFy !== undefined
          ? {
              ...existing?.target,
              fy: targetFy,
              value: targetValue,
              note: i.targetNote.trim() || undefined,
              inForceFromFy,
            }
          : undefined,
      targetHistory,
    };
    const indicators = existing
      ? node!.indicators.map((x) => (x.key === i.key ? indicator : x))
      : [...(node?.indicators ?? []), indicator];
    const saved = await updateNodeSheetIn(tx, { ...props, changes: { indicators }, action: 'node.indicator' });
    return { version: saved.version };
  });
}
