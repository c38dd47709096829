import {
  controlCharacterAt,
  controlCharacterMessage,
  TEXT_LIMITS,
  type TextKind,
  tooLongMessage,
} from '../domain/index.ts';
import { type FieldErrors, invalidInput } from './errors.ts';

/**
 * Adds a field error for each value longer than its kind allows (TEXT_LIMITS, the one table every channel
 * reads) or holding a control character, unless the field already has one. Use cases call it with what a form,
 * the CLI or a workbook gave, so each channel refuses the same text with the same words beside the field.
 *
 * @example checkTextFields(errors, { name: [input.name, 'name'] })
 */
export function checkTextFields(errors: FieldErrors, fields: Record<string, [string | undefined, TextKind]>): void {
  for (const [field, [value, kind]] of Object.entries(fields)) {
    if (value === undefined || errors[field]) continue;
    const at = controlCharacterAt(value);
    if (at !== -1) {
      errors[field] = controlCharacterMessage(value, at);
    } else if (value.length > TEXT_LIMITS[kind]) {
      errors[field] = tooLongMessage(TEXT_LIMITS[kind], value.length);
    }
  }
}

/** checkTextFields for a use case with no other field checks: refuses (400) when any field fails. */
export function requireTextFields(fields: Record<string, [string | undefined, TextKind]>): void {
  const errors: FieldErrors = {};
  checkTextFields(errors, fields);
  if (Object.keys(errors).length > 0) throw invalidInput(errors);
}
