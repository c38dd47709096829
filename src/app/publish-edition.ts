import { createHash } from 'node:crypto';
import { EditionContent, formatFiscalYear } from '../domain/index.ts';
import { insertAuditEvent, insertEdition, listDepartments, listEditions, newId, transaction } from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { checkTextFields } from './check-text-fields.ts';
import { editionOrganization } from './edition-organization.ts';
import { storePageViews } from './edition-page-views.ts';
import { editionPlan } from './edition-plan.ts';
import { AppError, type FieldErrors, invalidInput } from './errors.ts';
import { loadPlan } from './load-plan.ts';

export interface PublishEditionProps {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  /** May be omitted when the organization has one plan. */
  planSlug?: string | undefined;
  /** e.g. 令和5年度実績反映版 */
  name: string;
  /** Fiscal year whose results the edition reflects; within the plan period. */
  fy: number;
  /**
   * How many initiatives not approved the publisher saw and accepted keeping as before (the screen's
   * 「未承認の12件は前回の内容のまま公表します」). Required when there are any; a different number (the round moved
   * meanwhile) is refused, so nobody publishes on a count they did not see.
   */
  confirmWithheld?: number | undefined;
  /** The id of an edition of this plan this one corrects (訂正版): the new edition says so in its note. */
  corrects?: string | undefined;
}

/**
 * Freezes the plan as an immutable Edition and makes it the public one. What it contains is decided per
 * initiative (see editionPlan): approved reports of the year go in, the others keep what was public. The unique
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
      // Name and year are both checked before refusing, so the form shows every problem at once.
      const errors: FieldErrors = {};
      if (!name) errors.name = { ja: '版の名称を入力してください', en: 'Enter an edition name' };
      checkTextFields(errors, { name: [name, 'name'] });
      const { startFy, endFy } = loaded.document.period;
      if (!Number.isInteger(props.fy) || props.fy < 1900 || props.fy > 2200) {
        errors.fy = {
          ja: '年度を西暦4桁で入力してください（例: 2023）',
          en: 'Enter the fiscal year as four digits (e.g. 2023)',
        };
      } else if (props.fy < startFy || props.fy > endFy) {
        const period = `${formatFiscalYear(startFy)}～${formatFiscalYear(endFy)}`;
        errors.fy = {
          ja: `年度は計画期間（${period}）の中で指定してください`,
          en: `Choose a fiscal year within the plan period (FY${startFy}–FY${endFy})`,
        };
      }
      if (Object.keys(errors).length > 0) throw invalidInput(errors);
      const existing = await listEditions(tx, orgId, loaded.plan.id);
      if (existing.some((e) => e.name === name)) throw editionExists(name);
      const corrected = props.corrects ? existing.find((e) => e.id === props.corrects) : undefined;
      if (props.corrects && !corrected) {
        throw invalidInput({
          corrects: { ja: '訂正する版が見つかりません', en: 'The edition to correct was not found' },
        });
      }
      const { document, withheld } = await editionPlan(tx, loaded, props.fy);
      if (withheld.length > 0 && props.confirmWithheld !== withheld.length) {
        throw invalidInput({
          confirmWithheld: {
            ja: `未承認の${withheld.length}件は前回の内容のまま公表します。よろしければ確認欄にチェックを入れてください`,
            en: `${withheld.length} initiative(s) not approved will keep their previous content; tick the confirmation to publish`,
          },
        });
      }
      const departments = await listDepartments(tx, orgId);
      const o = loaded.organization;
      // Validated once, here, as it is frozen: readers trust the stored text by its checksum.
      const content = EditionContent.parse({
        organization: editionOrganization(o),
        departments: departments.map(({ id: _id, version: _v, ...d }) => d),
        plan: {
          ...document,
          edition: {
            ...document.edition,
            name,
            fy: props.fy,
            ...(corrected && { note: `「${corrected.name}」の訂正版です` }),
          },
        },
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
        correctsId: corrected?.id ?? null,
      });
      // In the same transaction: the edition is never public without the data its pages are drawn from.
      await storePageViews(tx, { organizationId: orgId, editionId: id, fy: props.fy, json, now });
      await insertAuditEvent(tx, {
        organizationId: orgId,
        at: now,
        actor: actorId(props.actor),
        action: 'edition.publish',
        entityType: 'edition',
        entityId: id,
        summary: name,
        ...(withheld.length > 0 && { after: { withheld: withheld.map((w) => ({ code: w.code, state: w.state })) } }),
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
