import { z } from 'zod';
import { choice, hiddenInt, repeated, text } from './form-body.ts';

/** 版の公表: its name and year; the box confirms publishing the shown number of items not approved. */
export const PublishForm = z.object({ name: text(), fy: text(), confirmWithheld: hiddenInt().optional() });

/** 公表の取り下げ. */
export const WithdrawForm = z.object({ reason: text() });

/** The plan's settings; the rating scale's rows (scale.<i>.*) pass as typed to the page's reader. */
export const PlanSettingsForm = z
  .object({
    version: hiddenInt(),
    title: text(),
    shortTitle: text(),
    vision: text(),
    startFy: text(),
    endFy: text(),
    level: repeated(),
    scaleName: text(),
    sharedInitiatives: text(),
  })
  .catchall(z.string());

/** A new node under a parent (none: a top-level goal). */
export const AddNodeForm = z.object({ parentCode: text(), code: text(), title: text(), department: text() });

/** Moves a node one place up or down, or under another parent. */
export const MoveNodeForm = z.object({ direction: choice(['up', 'down']).optional(), newParentCode: text() });

/** A node's sheet; fields beyond these (those a plan defines) pass as typed. */
export const NodeSheetForm = z
  .object({
    version: hiddenInt(),
    title: text(),
    department: repeated(),
    goal: text(),
    situationFy: text(),
    situation: text(),
    challengesFy: text(),
    challenges: text(),
    sdgs: text(),
    lifecycleStatus: text(),
    lifecycleFromFy: text(),
    lifecycleInto: text(),
    lifecycleNote: text(),
  })
  .catchall(z.string());

/** One KPI of a node (new when isNew is sent). */
export const IndicatorForm = z.object({
  version: hiddenInt(),
  isNew: text(),
  key: text(),
  name: text(),
  unit: text(),
  kind: text(),
  direction: text(),
  baselineFy: text(),
  baselineValue: text(),
  targetFy: text(),
  targetValue: text(),
  targetNote: text(),
  reviseFromFy: text(),
});

/** The evaluation method: which button, and the settings' fields, which pass as typed to the app's reader. */
export const EvaluationForm = z
  .object({ version: hiddenInt(), intent: choice(['save', 'preview', 'preset']).default('save') })
  .catchall(z.string());

/** A change to the plan's own sheet fields: its field inputs are read by the use case (SheetFieldFormInput). */
export const SheetFieldsForm = z
  .object({
    version: hiddenInt(),
    intent: choice(['save', 'up', 'down', 'remove']),
    /** Which form sent a save: the add form ("new") or a field's own form ("edit", the key names the field). */
    target: choice(['new', 'edit']).default('edit'),
    key: text(),
  })
  .catchall(z.string());
