import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EditionContent, OrganizationBundle } from '../../src/domain/index.ts';

const BUNDLE = path.resolve(import.meta.dirname, '../../data/ogori/bundle.json');
let cached: EditionContent | undefined;

/** The bundled Ogori plan as the content of its published edition (what the portal and reports read). */
export function ogoriEdition(): EditionContent {
  if (!cached) {
    const bundle = OrganizationBundle.parse(JSON.parse(readFileSync(BUNDLE, 'utf8')));
    cached = EditionContent.parse({
      organization: bundle.organization,
      departments: bundle.departments,
      plan: bundle.plans[0],
    });
  }
  return structuredClone(cached);
}
