import type { z } from '@hono/zod-openapi';
import { fieldLabel, keyedFields, type PlanDocument, type PlanNode, valueText } from '../../domain/index.ts';
import type { SheetFieldValue } from './field-schemas.ts';

/**
 * The fields kept by key that the API shows, with their values on this sheet: `{ fields: [...] }`, or nothing at
 * all for a plan that has none, so such a plan's responses stay as they were.
 */
export function presentFields(plan: PlanDocument, node: PlanNode): { fields?: z.output<typeof SheetFieldValue>[] } {
  const fields = keyedFields(plan, 'api').filter((f) => f.presence === 'always' || f.read(node) !== undefined);
  if (fields.length === 0) return {};
  return {
    fields: fields.map((f) => {
      const value = f.read(node);
      const unit = f.shape.kind === 'number' || f.shape.kind === 'money-per-year' ? f.shape.unit : null;
      return {
        key: f.key,
        label: { ja: fieldLabel(f, 'ja'), en: fieldLabel(f, 'en') },
        shape: f.shape.kind,
        unit,
        value: value ?? null,
        text: value === undefined ? null : valueText(f.shape, value, plan.language ?? 'ja'),
      };
    }),
  };
}
