import type { z } from 'zod';

export interface UnknownKey {
  /** Path of the object holding the key. */
  path: (string | number)[];
  key: string;
  /** The keys that object may have, for "did you mean". */
  known: string[];
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * Keys of `input` that `schema` does not declare, found by walking the input along the schema. Zod strips such
 * keys without a word, so a misspelt `targetHistroy` would vanish on import; this finds them whether or not the
 * rest of the input is valid, so they are reported together with every other problem. `skip` says which paths
 * are taken as they are (e.g. the frozen content of published editions).
 *
 * @example findUnknownKeys(z.object({ a: z.number() }), { a: 1, b: 2 }) // [{ path: [], key: 'b', known: ['a'] }]
 */
export function findUnknownKeys(
  schema: z.ZodType,
  input: unknown,
  skip: (path: (string | number)[]) => boolean = () => false,
): UnknownKey[] {
  const found: UnknownKey[] = [];
  const walk = (s: unknown, value: unknown, path: (string | number)[]) => {
    if (skip(path)) return;
    const def = defOf(s);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
        return walk(def.innerType, value, path);
      case 'lazy':
        return walk((def.getter as () => unknown)(), value, path);
      case 'pipe':
        return walk(def.in, value, path);
      case 'array':
        if (Array.isArray(value)) {
          value.forEach((v, i) => {
            walk(def.element, v, [...path, i]);
          });
        }
        return;
      case 'record':
        if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) walk(def.valueType, v, [...path, k]);
        return;
      case 'union':
        return walkUnion(def, value, path);
      case 'object': {
        if (!isPlainObject(value)) return;
        const shape = def.shape as Record<string, unknown>;
        // A catch-all (passthrough or strict) says what to do with other keys itself.
        const open = def.catchall !== undefined;
        for (const [k, v] of Object.entries(value)) {
          if (k in shape) walk(shape[k], v, [...path, k]);
          else if (!open) found.push({ path, key: k, known: Object.keys(shape) });
        }
        return;
      }
      default:
        return;
    }
  };
  const walkUnion = (def: Def, value: unknown, path: (string | number)[]) => {
    const options = def.options as unknown[];
    const disc = def.discriminator as string | undefined;
    if (disc !== undefined && isPlainObject(value)) {
      const match = options.find((o) => literalValues(o, disc).includes(value[disc]));
      if (match) walk(match, value, path);
      return;
    }
    // Without a discriminator, only an input that is an object for exactly one option can be checked.
    const objects = options.filter((o) => unwrap(o).type === 'object');
    if (objects.length === 1 && isPlainObject(value)) walk(objects[0], value, path);
  };
  walk(schema, input, []);
  return found;
}

function unwrap(s: unknown): Def {
  let def = defOf(s);
  while (def.innerType || def.type === 'lazy' || def.type === 'pipe') {
    if (def.type === 'lazy') def = defOf((def.getter as () => unknown)());
    else if (def.type === 'pipe') def = defOf(def.in);
    else def = defOf(def.innerType);
  }
  return def;
}

function literalValues(option: unknown, key: string): unknown[] {
  const def = unwrap(option);
  if (def.type !== 'object') return [];
  const field = (def.shape as Record<string, unknown>)[key];
  if (!field) return [];
  const f = unwrap(field);
  if (f.type === 'literal') return f.values as unknown[];
  if (f.type === 'enum') return Object.values(f.entries as Record<string, unknown>);
  return [];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
