import { readFileSync } from 'node:fs';
import { BUNDLED_PLAN } from './paths.ts';

/** The bundled Ogori plan as parsed JSON (validated by the import use case). */
export function loadBundledPlans(): unknown[] {
  return [JSON.parse(readFileSync(BUNDLED_PLAN, 'utf8'))];
}
