import { readFileSync } from 'node:fs';
import { BUNDLED_PLAN, EXAMPLE_BUNDLES } from './paths.ts';

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Whether the environment asks for the example cities too (SHINCHOKU_EXAMPLES=1), e.g. for `npm start`. */
export const examplesRequested = (env: NodeJS.ProcessEnv = process.env) => env.SHINCHOKU_EXAMPLES === '1';

/**
 * The bundled Ogori plan as parsed JSON (validated by the import use case), followed by the fictional example
 * cities under data/examples/ when asked for.
 */
export function loadBundledPlans(options: { examples?: boolean } = {}): unknown[] {
  const { examples = false } = options;
  return [read(BUNDLED_PLAN), ...(examples ? loadExampleBundles() : [])];
}

/** The example cities only (みなみかぜ市, こもれび町). */
export function loadExampleBundles(): unknown[] {
  return EXAMPLE_BUNDLES.map(read);
}
