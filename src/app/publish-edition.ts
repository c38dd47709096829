import { createHash } from 'node:crypto';
import { EditionContent } from '../domain/index.ts';
import { insertAuditEvent, insertEdition, listDepartments, listEditions, newId, transaction } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { AppError, invalidInput } from './errors.ts';
import { loadPlan } from './load-plan.ts';

export interface PublishEditionProps {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  /** May be omitted when the organization has one plan. */
  planSlug?: string | undefined;
  /** e.g. 令和5年度実績反映版 */
  name: string;
  /** Fiscal year whose results the edition reflects. */
  fy: number;
}

/**
 * Freezes the plan's current content as an immutable Edition and makes it the public one. The unique
 * (plan, name) constraint makes simultaneous publish requests produce exactly one edition.
 */
export async function publishEdition(
  props: PublishEditionProps,
): Promise<{ id: string; name: string; organizationId: string }> {
  const name = props.name.trim();
  try {
    return await transaction(props.ctx.store, async (tx) => {
      const loaded = await loadPlan(tx, props.organizationSlug, props.planSlug);
      const orgId = loaded.organization.id;
      authorize(props.actor, 'edition.publish', { organizationId: orgId });
      if (!name) {
        throw invalidInput({ name: { ja: '版の名称を入力してください', en: 'Enter an edition name' } });
      }
      if (!Number.isInteger(props.fy) || props.fy < 1900 || props.fy > 2200) {
        throw invalidInput({
          fy: {
            ja: '年度を西暦4桁で入力してください（例: 2023）',
            en: 'Enter the fiscal year as four digits (e.g. 2023)',
          },
        });
      }
      const existing = await listEditions(tx, orgId, loaded.plan.id);
      if (existing.some((e) => e.name === name)) throw editionExists(name);
      const departments = await listDepartments(tx, orgId);
      const o = loaded.organization;
      // Validated once, here, as it is frozen: readers trust the stored text by its checksum.
      const content = EditionContent.parse({
        organization: { slug: o.slug, name: o.name, ...(o.nameEn !== null && { nameEn: o.nameEn }) },
        departments: departments.map(({ id: _id, version: _v, ...d }) => d),
        plan: { ...loaded.document, edition: { ...loaded.document.edition, name, fy: props.fy } },
      });
      const json = JSON.stringify(content);
      const id = newId();
      const now = props.ctx.now().toISOString();
      await insertEdition(tx, orgId, {
        id,
        planId: loaded.plan.id,
        name,
        fy: props.fy,
        publishedAt: now,
        publishedBy: actorId(props.actor),
        content: json,
        contentSha256: createHash('sha256').update(json).digest('hex'),
      });
      await insertAuditEvent(tx, {
        organizationId: orgId,
        at: now,
        actor: actorId(props.actor),
        action: 'edition.publish',
        entityType: 'edition',
        entityId: id,
        summary: name,
      });
      return { id, name, organizationId: orgId };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    // A concurrent publish of the same name won the unique constraint.
    if (/unique|duplicate/i.test(String((e as Error).message))) throw editionExists(name);
    throw e;
  }
}

const editionExists = (name: string) =>
  new AppError('already-exists', {
    ja: `版「${name}」は既に公表されています`,
    en: `edition "${name}" has already been published`,
  });
