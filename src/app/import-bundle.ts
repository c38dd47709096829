import { createHash } from 'node:crypto';
import {
  type BundleIssue,
  EditionContent,
  formatFiscalYear,
  type PublishedEdition,
  validateBundle,
} from '../domain/index.ts';
import {
  type EditionSummary,
  type Executor,
  getEdition,
  getOrganizationBySlug,
  getPlanBySlug,
  insertAuditEvent,
  insertDepartments,
  insertEdition,
  insertOrganization,
  insertPlan,
  isEditionIdTaken,
  listDepartments,
  listEditions,
  listPlans,
  listRounds,
  newId,
  replacePlan,
  transaction,
  updateOrganization,
  withdrawEditionRow,
} from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { editionOrganization } from './edition-organization.ts';
import { storePageViews } from './edition-page-views.ts';
import { AppError } from './errors.ts';
import { syncDepartments } from './sync-departments.ts';

export interface ImportBundleProps {
  ctx: AppContext;
  actor: Actor;
  /** Parsed JSON of an OrganizationBundle (validated here). */
  input: unknown;
  /** Replace plans that already exist (same organization and plan slug) instead of refusing. */
  replace?: boolean;
  /**
   * Also when the plan has reporting rounds, which replacing deletes with what the departments entered and the
   * review notes; without it such a replacement is refused and nothing is written.
   */
  discardRounds?: boolean;
  /**
   * Publish each plan's `edition` (when it has one and the bundle carries no edition of that plan), so a bundled
   * plan is visible on the public portal right after `init`.
   */
  publishDeclaredEditions?: boolean;
}

export interface ImportBundleResult {
  organizationSlug: string;
  plans: { slug: string; nodes: number; replaced: boolean }[];
  /** Editions written. */
  editions: number;
  /** Editions already published (same id or name, same content) and left as they were. */
  keptEditions: number;
}

/** Validates a whole bundle first, then writes it in one transaction: all or nothing. */
export async function importBundle(props: ImportBundleProps): Promise<ImportBundleResult> {
  const checked = validateBundle(props.input);
  if (!checked.ok) throw bundleRejected(checked.issues, checked.total);
  const bundle = checked.value;
  const now = props.ctx.now().toISOString();
  return transaction(props.ctx.store, async (tx) => {
    let org = await getOrganizationBySlug(tx, bundle.organization.slug);
    const o = bundle.organization;
    if (!org) {
      org = {
        id: newId(),
        slug: o.slug,
        name: o.name,
        nameEn: o.nameEn ?? null,
        localGovernmentCode: o.localGovernmentCode ?? null,
        prefecture: o.prefecture ?? null,
        timeZone: o.timeZone ?? null,
        createdAt: now,
      };
      await insertOrganization(tx, org);
      await insertDepartments(tx, org.id, bundle.departments);
    } else {
      await updateOrganization(tx, {
        id: org.id,
        name: o.name,
        nameEn: o.nameEn ?? null,
        localGovernmentCode: o.localGovernmentCode ?? null,
        prefecture: o.prefecture ?? null,
        timeZone: o.timeZone ?? null,
      });
      await syncDepartments(tx, org.id, bundle.departments);
    }
    const orgId = org.id;
    const result: ImportBundleResult = { organizationSlug: org.slug, plans: [], editions: 0, keptEditions: 0 };
    let sortOrder = (await listPlans(tx, orgId)).length;
    const planIds = new Map<string, string>();
    const published = new Map<string, EditionSummary[]>();
    for (const plan of bundle.plans) {
      const existing = await getPlanBySlug(tx, orgId, plan.slug);
      if (existing && !props.replace) {
        throw new AppError('already-exists', {
          ja: `計画「${plan.slug}」は既に登録されています（置き換えるには --replace を指定してください）`,
          en: `plan "${plan.slug}" already exists (use --replace to replace it)`,
        });
      }
      if (existing && !props.discardRounds) await refuseToDiscardRounds(tx, orgId, existing.id, plan.slug);
      // Replacing keeps the plan id and with it every published edition: a plan file never unpublishes.
      if (existing) await replacePlan(tx, orgId, existing.id, plan, now);
      const planId = existing ? existing.id : await insertPlan(tx, orgId, plan, now, sortOrder++);
      planIds.set(plan.slug, planId);
      published.set(plan.slug, existing ? await listEditions(tx, orgId, planId) : []);
      result.plans.push({ slug: plan.slug, nodes: countNodes(plan.nodes), replaced: Boolean(existing) });
      await insertAuditEvent(tx, {
        organizationId: orgId,
        at: now,
        actor: actorId(props.actor),
        action: existing ? 'plan.replace' : 'plan.import',
        entityType: 'plan',
        entityId: planId,
        summary: plan.title,
      });
    }
    const editions: PublishedEdition[] = [...bundle.editions];
    if (props.publishDeclaredEditions) {
      const departments = await listDepartments(tx, orgId);
      for (const plan of bundle.plans) {
        if (!plan.edition || editions.some((e) => e.plan === plan.slug)) continue;
        if (published.get(plan.slug)!.some((e) => e.name === plan.edition!.name)) continue;
        const content: EditionContent = {
          organization: editionOrganization(o),
          departments: departments.map(({ id: _id, version: _v, ...d }) => d),
          plan,
        };
        // The declared date of publication is the edition's 公表日; only an undated edition gets the load time.
        const publishedAt = plan.edition.publishedOn ?? now;
        editions.push({ plan: plan.slug, name: plan.edition.name, fy: plan.edition.fy, publishedAt, content });
      }
    }
    // The bundle's edition ids, by what they became here (a taken id gets a new one), for the 訂正版 links.
    const written = new Map<string, string>();
    for (const e of editions) {
      const planId = planIds.get(e.plan)!;
      const kept = await alreadyPublished(tx, orgId, published.get(e.plan)!, e);
      if (kept) {
        if (e.id !== undefined) written.set(e.id, kept.id);
        // A withdrawal stored here stays; one the bundle carries is applied, so no import republishes an edition.
        if (e.withdrawn && kept.withdrawnAt === null)
          await withdrawImported(tx, orgId, planId, kept.id, e, actorId(props.actor));
        result.keptEditions++;
        continue;
      }
      const id = await writeEdition(tx, orgId, planId, e, written, actorId(props.actor), now);
      if (e.id !== undefined) written.set(e.id, id);
      if (e.withdrawn) await withdrawImported(tx, orgId, planId, id, e, actorId(props.actor));
      result.editions++;
    }
    return result;
  });
}

/**
 * An edition of the bundle that is already published (same id, or same name) is kept as it is, when its content
 * is the same; a published edition never changes, so different content under its id or name is refused.
 */
async function alreadyPublished(
  tx: Executor,
  orgId: string,
  kept: EditionSummary[],
  e: PublishedEdition,
): Promise<EditionSummary | undefined> {
  const same = (e.id !== undefined && kept.find((k) => k.id === e.id)) || kept.find((k) => k.name === e.name);
  if (!same) return undefined;
  const stored = (await getEdition(tx, orgId, same.id))!;
  const storedContent = JSON.stringify(EditionContent.parse(JSON.parse(stored.content)));
  if (same.name === e.name && same.fy === e.fy && storedContent === JSON.stringify(e.content)) return same;
  throw new AppError('conflict', {
    ja: `版「${same.name}」は公表済みで、ファイルの版「${e.name}」と内容が異なります。公表した版は変更できないため、新しい版には別の名前を付けてください`,
    en: `edition "${same.name}" is already published and differs from the file's edition "${e.name}"; a published edition never changes, so give a new edition another name`,
  });
}

async function writeEdition(
  tx: Executor,
  orgId: string,
  planId: string,
  e: PublishedEdition,
  written: Map<string, string>,
  actor: string,
  now: string,
): Promise<string> {
  const content = JSON.stringify(e.content);
  // The bundle's id keeps pinned links (?edition=…) working after a move; a copy into a database that already
  // uses the id elsewhere gets a new one.
  const id = e.id !== undefined && !(await isEditionIdTaken(tx, e.id)) ? e.id : newId();
  await insertEdition(tx, orgId, {
    id,
    planId,
    name: e.name,
    fy: e.fy,
    publishedAt: e.publishedAt,
    publishedBy: e.publishedBy ?? null,
    content,
    contentSha256: createHash('sha256').update(content).digest('hex'),
    // Export lists an edition after the one it corrects, so the corrected one is written (and renamed) by now.
    correctsId: e.corrects !== undefined ? (written.get(e.corrects) ?? null) : null,
  });
  await storePageViews(tx, { organizationId: orgId, editionId: id, fy: e.fy, json: content, now });
  await insertAuditEvent(tx, {
    organizationId: orgId,
    at: e.publishedAt,
    actor,
    action: 'edition.import',
    entityType: 'edition',
    entityId: id,
    summary: e.name,
  });
  return id;
}

/** Marks an imported edition withdrawn as the bundle says, which also puts the plan's current edition right. */
async function withdrawImported(
  tx: Executor,
  orgId: string,
  planId: string,
  id: string,
  e: PublishedEdition,
  actor: string,
) {
  const w = e.withdrawn!;
  await withdrawEditionRow(tx, orgId, { id, planId, at: w.at, by: w.by ?? null, reason: w.reason });
  await insertAuditEvent(tx, {
    organizationId: orgId,
    at: w.at,
    actor,
    action: 'edition.withdraw',
    entityType: 'edition',
    entityId: id,
    summary: `${e.name} 取り下げ: ${w.reason}`,
    after: { withdrawnAt: w.at, reason: w.reason },
  });
}

function countNodes(nodes: { children: unknown[] }[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children as { children: unknown[] }[]), 0);
}

/** A replacement would delete the plan's reporting rounds: refused unless asked for (discardRounds). */
async function refuseToDiscardRounds(tx: Executor, orgId: string, planId: string, slug: string): Promise<void> {
  const rounds = await listRounds(tx, orgId, planId);
  if (rounds.length === 0) return;
  const years = rounds.map((r) => r.fy).sort((a, b) => a - b);
  throw new AppError('invalid-state', {
    ja: `計画「${slug}」には照会（${years.map((fy) => formatFiscalYear(fy)).join('、')}）があり、置き換えると各課の入力内容とコメントも削除されます。削除してよい場合は --discard-rounds を付けてください`,
    en: `plan "${slug}" has reporting rounds (${years.map((fy) => `FY${fy}`).join(', ')}); replacing it also deletes what the departments entered and the review notes. Add --discard-rounds to do so`,
  });
}

/** Refuses the whole bundle with every problem found (up to MAX_BUNDLE_ISSUES), the first in the message. */
export function bundleRejected(issues: BundleIssue[], total: number): AppError {
  const first = issues[0]!;
  return new AppError(
    'invalid-input',
    {
      ja: `ファイルに${total}件の問題があるため、何も取り込んでいません。${first.path}: ${first.message}`,
      en: `The file has ${total} problem(s), so nothing was imported. ${first.path}: ${first.messageEn}`,
    },
    { kind: 'bundle', issues, total },
  );
}
