import { Slug } from '../domain/index.ts';
import {
  insertAuditEvent,
  insertDepartments,
  listDepartments,
  transaction,
  updateDepartmentName,
} from '../store/index.ts';
import { type Actor, actorId } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { requireTextFields } from './check-text-fields.ts';
import { invalidInput, notFound } from './errors.ts';
import { FIELD_MESSAGES as M } from './field-messages.ts';
import { requireOrganization } from './load-plan.ts';

interface Props {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
}

/** Adds a 課 to the organization (administrators); plans and users can then name it. */
export async function addDepartment(
  props: Props & { input: { code: string; name: string; nameEn?: string | undefined } },
): Promise<void> {
  await transaction(props.ctx.store, async (tx) => {
    const org = await requireOrganization(tx, props.organizationSlug);
    authorize(props.actor, 'department.manage', { organizationId: org.id });
    const code = props.input.code.trim();
    const name = props.input.name.trim();
    if (!Slug.safeParse(code).success) {
      throw invalidInput({
        code: {
          ja: '記号は半角英小文字・数字・「-」で入力してください（例: keiei-senryaku）',
          en: 'Use a-z, 0-9 and "-" (e.g. keiei-senryaku)',
        },
      });
    }
    if (!name) throw invalidInput({ name: M.departmentName });
    const nameEn = props.input.nameEn?.trim();
    requireTextFields({ name: [name, 'name'], nameEn: [nameEn, 'name'] });
    const current = await listDepartments(tx, org.id);
    if (current.some((d) => d.code === code)) {
      throw invalidInput(
        { code: { ja: `記号「${code}」は既に使われています`, en: `"${code}" is already used` } },
        'already-exists',
      );
    }
    await insertDepartments(tx, org.id, [{ code, name, ...(nameEn && { nameEn }) }], current.length);
    await insertAuditEvent(tx, {
      organizationId: org.id,
      at: props.ctx.now().toISOString(),
      actor: actorId(props.actor),
      action: 'department.create',
      entityType: 'department',
      entityId: code,
      summary: name,
      after: { code, name, nameEn },
    });
  });
}

/** Renames a 課 (after a reorganization the code stays, so plans and accounts keep pointing at it). */
export async function renameDepartment(
  props: Props & { code: string; name: string; nameEn?: string | undefined },
): Promise<void> {
  await transaction(props.ctx.store, async (tx) => {
    const org = await requireOrganization(tx, props.organizationSlug);
    authorize(props.actor, 'department.manage', { organizationId: org.id });
    const name = props.name.trim();
    if (!name) throw invalidInput({ name: M.departmentName });
    requireTextFields({ name: [name, 'name'], nameEn: [props.nameEn, 'name'] });
    const before = (await listDepartments(tx, org.id)).find((d) => d.code === props.code);
    if (!before) throw notFound({ ja: `担当課「${props.code}」`, en: `department "${props.code}"` });
    const nameEn = props.nameEn?.trim() || null;
    await updateDepartmentName(tx, org.id, { code: props.code, name, nameEn });
    await insertAuditEvent(tx, {
      organizationId: org.id,
      at: props.ctx.now().toISOString(),
      actor: actorId(props.actor),
      action: 'department.rename',
      entityType: 'department',
      entityId: props.code,
      summary: `${before.name} → ${name}`,
      before: { name: before.name, nameEn: before.nameEn ?? null },
      after: { name, nameEn },
    });
  });
}
