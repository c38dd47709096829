import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root, so bundled data is found whatever the working directory is. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BUNDLED_PLAN = path.join(PACKAGE_ROOT, 'data', 'ogori', 'bundle.json');

/** Fictional cities whose plans exercise other shapes (3–4 levels, A–D and text scales, several plans). */
export const EXAMPLE_BUNDLES = ['minamikaze', 'komorebi', 'hoshizora', 'wrenmoor', 'harrowfield'].map((city) =>
  path.join(PACKAGE_ROOT, 'data', 'examples', city, 'bundle.json'),
);
