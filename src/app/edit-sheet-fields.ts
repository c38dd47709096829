import { type PlanDocument, type SheetFieldDef, walkNodes } from '../domain/index.ts';
import { type PlanSettings, transaction } from '../store/index.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './app-context.ts';
import { authorize } from './authorize.ts';
import { invalidInput } from './errors.ts';
import { zodFieldErrors } from './format-zod-error.ts';
import { loadPlan } from './load-plan.ts';
import { readSheetFieldForm, SheetFieldFormInput } from './sheet-field-form.ts';
import { writePlanSettings } from './write-plan-settings.ts';

/** One change to the plan's own sheet fields. */
export type SheetFieldChange =
  /** Add a field, or edit the one whose key is `key` (its key stays: values are kept under it). */
  | { kind: 'save'; key?: string | undefined; input: unknown }
  /** Move a field one place up (-1) or down (+1) in the order every surface lists them. */
  | { kind: 'move'; key: string; by: -1 | 1 }
  /** Remove a field that no sheet gives a value for. */
  | { kind: 'remove'; key: string };

/** How many initiatives give a value for a field. */
export const sheetsUsing = (plan: Pick<PlanDocument, 'nodes'>, key: string) =>
  [...walkNodes(plan)].filter((w) => w.node.fields?.[key] !== undefined).length;

/**
 * Adds, edits, reorders or removes a field the plan declares itself (plan office), with the checks a bundle's
 * `sheetFields` get, and the values the sheets already hold checked against an edited shape. A field is removed
 * only while no sheet gives a value for it: values are never dropped as a side effect of a settings change.
 * Recorded in the plan's history with before and after.
 */
export async function editSheetFields(props: {
  ctx: AppContext;
  actor: Actor;
  organizationSlug: string;
  planSlug: string;
  expectedVersion: number;
  change: SheetFieldChange;
}): Promise<{ version: number }> {
  return transaction(props.ctx.store, async (tx) => {
    const loaded = await loadPlan(tx, props.organizationSlug, props.planSlug);
    const orgId = loaded.organization.id;
    authorize(props.actor, 'plan.edit', { organizationId: orgId });
    const before = loaded.plan.settings;
    const defs: SheetFieldDef[] = [...(loaded.document.sheetFields ?? [])];
    const { change } = props;
    const index = change.key === undefined ? -1 : defs.findIndex((d) => d.key === change.key);
    if (change.key !== undefined && index < 0) {
      throw invalidInput({ form: { ja: `項目「${change.key}」はありません`, en: `No field "${change.key}"` } });
    }
    let summary: string;
    if (change.kind === 'save') {
      const form = SheetFieldFormInput.safeParse(change.input);
      if (!form.success) throw invalidInput(zodFieldErrors(form.error));
      const input = index < 0 ? form.data : { ...form.data, key: defs[index]!.key };
      const read = readSheetFieldForm(input);
      if (read.errors) throw invalidInput(read.errors);
      if (index < 0 && defs.some((d) => d.key === read.def.key)) {
        throw invalidInput({
          key: { ja: `キー「${read.def.key}」の項目はすでにあります`, en: `A field "${read.def.key}" exists already` },
        });
      }
      if (index < 0) defs.push(read.def);
      else defs[index] = read.def;
      summary = read.def.label.ja;
    } else if (change.kind === 'move') {
      const to = index + change.by;
      if (to >= 0 && to < defs.length) [defs[index], defs[to]] = [defs[to]!, defs[index]!];
      summary = defs[to]?.label.ja ?? defs[index]!.label.ja;
    } else {
      const def = defs[index]!;
      const used = sheetsUsing(loaded.document, def.key);
      if (used > 0) {
        throw invalidInput({
          form: {
            ja: `項目「${def.label.ja}」は${used}件の取組に値があるため削除できません。各取組の値を消してから削除してください`,
            en: `Field "${def.label.en ?? def.label.ja}" has values on ${used} item(s), so it cannot be removed; clear them first`,
          },
        });
      }
      defs.splice(index, 1);
      summary = def.label.ja;
    }
    const settings: PlanSettings = { ...before, sheetFields: defs.length > 0 ? defs : undefined };
    return writePlanSettings(tx, props, loaded, { settings, action: `plan.fields.${change.kind}`, summary: summary });
  });
}
