import { NodeCode, PlanDocument, TEXT_LIMITS, tooLongMessage } from '../domain/index.ts';
import {
  deleteNode,
  deleteTasksOfNode,
  type Executor,
  insertAuditEvent,
  insertNode,
  listTasksOfNode,
  type NodeRecord,
  newId,
  transaction,
  updateNodePositions,
} from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { checkTextFields } from './check-text-fields.ts';
import { type FieldErrors, invalidInput, notFound } from './errors.ts';
import { firstIssueMessage } from './format-zod-error.ts';
import { type LoadedPlan, loadPlan } from './load-plan.ts';

interface PlanProps {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
}

/** Children lists by parent id, each in document order. */
function childrenOf(nodes: NodeRecord[]): Map<string | null, NodeRecord[]> {
  const out = new Map<string | null, NodeRecord[]>();
  for (const n of [...nodes].sort((a, b) => a.sortOrder - b.sortOrder)) {
    const list = out.get(n.parentId) ?? [];
    list.push(n);
    out.set(n.parentId, list);
  }
  return out;
}

/** Rewrites parent, depth and document order of every node from the (edited) children lists. */
async function writePositions(tx: Executor, loaded: LoadedPlan, tree: Map<string | null, NodeRecord[]>, now: string) {
  const positions: { id: string; parentId: string | null; depth: number; sortOrder: number }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const n of tree.get(parentId) ?? []) {
      positions.push({ id: n.id, parentId, depth, sortOrder: positions.length });
      walk(n.id, depth + 1);
    }
  };
  walk(null, 1);
  await updateNodePositions(tx, loaded.organization.id, loaded.plan.id, positions, now);
}

async function start(tx: Executor, props: PlanProps) {
  const loaded = await loadPlan(tx, props.organizationSlug, props.planSlug);
  authorize(props.actor, 'plan.edit', { organizationId: loaded.organization.id });
  return { loaded, now: props.ctx.now().toISOString(), tree: childrenOf(loaded.nodes) };
}

function requireNode(loaded: LoadedPlan, code: string): NodeRecord {
  const n = loaded.nodes.find((x) => x.code === code);
  if (!n) throw notFound({ ja: `取組「${code}」`, en: `item "${code}"` });
  return n;
}

async function audit(
  tx: Executor,
  props: PlanProps,
  loaded: LoadedPlan,
  e: { action: string; node: NodeRecord; summary: string; before?: unknown; after?: unknown },
) {
  await insertAuditEvent(tx, {
    organizationId: loaded.organization.id,
    at: props.ctx.now().toISOString(),
    actor: actorId(props.actor),
    action: e.action,
    entityType: 'node',
    entityId: e.node.id,
    summary: e.summary,
    ...(e.before !== undefined && { before: e.before }),
    ...(e.after !== undefined && { after: e.after }),
  });
}

/** Adds a goal (no parent) or an initiative under a goal, at the end of its siblings. */
export async function addNode(
  props: PlanProps & { parentCode: string | null; code: string; title: string; departments?: string[] },
): Promise<void> {
  await transaction(props.ctx.store, async (tx) => {
    const { loaded, now, tree } = await start(tx, props);
    const code = props.code.trim();
    const title = props.title.trim();
    const errors: FieldErrors = {};
    if (!NodeCode.safeParse(code).success)
      errors.code = {
        ja: '番号を入力してください（空白・「/」「?」「#」「%」は使えません）',
        en: 'Enter a code (no spaces, "/", "?", "#" or "%")',
      };
    else if (loaded.nodes.some((n) => n.code === code))
      errors.code = { ja: `番号「${code}」は既に使われています`, en: `Code "${code}" is already used` };
    if (!title) errors.title = { ja: '名称を入力してください', en: 'Enter the name' };
    if (code.length > TEXT_LIMITS.code) errors.code = tooLongMessage(TEXT_LIMITS.code, code.length);
    checkTextFields(errors, { title: [title, 'title'] });
    const parent = props.parentCode ? requireNode(loaded, props.parentCode) : null;
    const depth = parent ? parent.depth + 1 : 1;
    if (depth > loaded.document.levels.length)
      errors.parentCode = { ja: 'この階層の下には追加できません', en: 'Nothing can be added below this level' };
    if (Object.keys(errors).length) throw invalidInput(errors);
    const content = {
      titleVariants: [],
      previousCodes: [],
      departments: props.departments ?? [],
      sdgs: [],
      lifecycle: { status: 'active' as const, into: [] },
      roadmap: [],
      indicators: [],
      assessments: [],
      sourceNotes: [],
    };
    const checked = {
      ...loaded.document,
      nodes: [...loaded.document.nodes, { code, title, ...content, children: [] }],
    };
    const check = PlanDocument.safeParse(checked);
    if (!check.success) throw invalidInput({ form: firstIssueMessage(check.error, checked) });
    const record: NodeRecord = {
      id: newId(),
      planId: loaded.plan.id,
      parentId: parent?.id ?? null,
      code,
      title,
      depth,
      sortOrder: loaded.nodes.length,
      content,
      version: 1,
      updatedAt: now,
    };
    await insertNode(tx, loaded.organization.id, { ...record, now });
    tree.set(record.parentId, [...(tree.get(record.parentId) ?? []), record]);
    await writePositions(tx, loaded, tree, now);
    await audit(tx, props, loaded, {
      action: 'node.create',
      node: record,
      summary: `${code} ${title}`,
      after: { code, title, parent: props.parentCode },
    });
  });
}

/** Moves a node one place up or down among its siblings, or (same level) under another parent. */
export async function moveNode(
  props: PlanProps & { code: string; direction?: 'up' | 'down'; newParentCode?: string },
): Promise<void> {
  await transaction(props.ctx.store, async (tx) => {
    const { loaded, now, tree } = await start(tx, props);
    const node = requireNode(loaded, props.code);
    const siblings = tree.get(node.parentId) ?? [];
    const i = siblings.findIndex((s) => s.id === node.id);
    let summary: string;
    if (props.newParentCode !== undefined) {
      const parent = requireNode(loaded, props.newParentCode);
      if (parent.depth !== node.depth - 1) {
        throw invalidInput({
          newParentCode: {
            ja: '同じ階層の位置にしか移動できません',
            en: 'It can only move to a place on the same level',
          },
        });
      }
      siblings.splice(i, 1);
      tree.set(parent.id, [...(tree.get(parent.id) ?? []), node]);
      summary = `${node.code} を ${parent.code} の下へ移動`;
    } else {
      const j = props.direction === 'up' ? i - 1 : i + 1;
      if (j < 0 || j >= siblings.length) {
        throw invalidInput({ direction: { ja: 'これ以上移動できません', en: 'It cannot move further' } });
      }
      [siblings[i], siblings[j]] = [siblings[j]!, siblings[i]!];
      summary = `${node.code} を${props.direction === 'up' ? '上' : '下'}へ移動`;
    }
    await writePositions(tx, loaded, tree, now);
    await audit(tx, props, loaded, { action: 'node.move', node, summary });
  });
}

/**
 * Deletes a node that has no children and no report started. Initiatives with history are ended with their
 * lifecycle (completed, abolished, merged) instead, so published editions and history stay consistent.
 */
export async function deletePlanNode(props: PlanProps & { code: string }): Promise<void> {
  await transaction(props.ctx.store, async (tx) => {
    const { loaded, now, tree } = await start(tx, props);
    const node = requireNode(loaded, props.code);
    const orgId = loaded.organization.id;
    if ((tree.get(node.id) ?? []).length > 0) {
      throw invalidInput({
        form: { ja: '下位の項目がある項目は削除できません', en: 'An item with items below it cannot be deleted' },
      });
    }
    const tasks = await listTasksOfNode(tx, orgId, node.id);
    if (tasks.some((t) => t.state !== 'not_started') || node.content.assessments.length > 0) {
      throw invalidInput({
        form: {
          ja: '報告や評価のある取組は削除できません。「廃止」などの状態にしてください',
          en: 'An initiative with reports or ratings cannot be deleted; give it a status such as abolished',
        },
      });
    }
    await deleteTasksOfNode(tx, orgId, node.id);
    await deleteNode(tx, orgId, node.id);
    tree.set(
      node.parentId,
      (tree.get(node.parentId) ?? []).filter((n) => n.id !== node.id),
    );
    await writePositions(tx, loaded, tree, now);
    await audit(tx, props, loaded, {
      action: 'node.delete',
      node,
      summary: `${node.code} ${node.title}`,
      before: { code: node.code, title: node.title, ...node.content },
    });
  });
}
