import { readFileSync } from 'node:fs';
import { PlanTemplate, PlanTemplateKey } from '../domain/index.ts';
import { invalidInput } from './errors.ts';

// data/templates/ beside src/ (or dist/) in the installed package.
const TEMPLATE_DIR = new URL('../../data/templates/', import.meta.url);

/**
 * A bundled plan template by key. Keys are a fixed list, so a name from a form or the command line never
 * becomes a file path.
 * @example loadPlanTemplate('sogo-keikaku-3-level').plan.levels // [{ ja: '政策', … }, …]
 */
export function loadPlanTemplate(key: string): PlanTemplate {
  const parsed = PlanTemplateKey.safeParse(key);
  if (!parsed.success) {
    const known = PlanTemplateKey.options.join(', ');
    throw invalidInput({
      template: { ja: `テンプレート「${key}」はありません（${known}）`, en: `no template "${key}" (${known})` },
    });
  }
  const json: unknown = JSON.parse(readFileSync(new URL(`${parsed.data}.json`, TEMPLATE_DIR), 'utf8'));
  return PlanTemplate.parse(json);
}

/** Every bundled template, for pickers. */
export function listPlanTemplates(): PlanTemplate[] {
  return PlanTemplateKey.options.map(loadPlanTemplate);
}
