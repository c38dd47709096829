/**
 * A small JSON Schema (2020-12 subset, as OpenAPI 3.1 documents use it) checker for tests: enough to check that
 * the examples of our own OpenAPI document fit their schemas, with no network and no extra dependency.
 * Supports $ref into the document, type (incl. arrays of types), properties/required/additionalProperties,
 * items, enum, const, allOf/anyOf/oneOf, nullable (3.0), min/max, minLength/maxLength, pattern.
 */

type Schema = Record<string, unknown>;

export function checkJsonSchema(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], root);
    if (!target) return [`${path}: unresolved $ref ${schema.$ref}`];
    return checkJsonSchema(value, target as Schema, root, path);
  }
  const errors: string[] = [];
  const types = schema.type === undefined ? [] : ([] as unknown[]).concat(schema.type);
  if (schema.nullable === true) types.push('null');
  if (types.length > 0 && !types.some((t) => fitsType(value, t as string))) {
    return [`${path}: expected ${types.join('|')}, got ${value === null ? 'null' : typeof value}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).some((e) => e === value)) errors.push(`${path}: not in enum`);
  if ('const' in schema && schema.const !== value) errors.push(`${path}: not the constant`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above maximum`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) errors.push(`${path}: too short`);
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) errors.push(`${path}: too long`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      errors.push(`${path}: does not match ${schema.pattern}`);
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((v, i) => {
      errors.push(...checkJsonSchema(v, schema.items as Schema, root, `${path}[${i}]`));
    });
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in obj)) errors.push(`${path}: missing required "${key}"`);
    }
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) errors.push(...checkJsonSchema(v, props[key], root, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected "${key}"`);
      else if (typeof schema.additionalProperties === 'object') {
        errors.push(...checkJsonSchema(v, schema.additionalProperties as Schema, root, `${path}.${key}`));
      }
    }
  }
  for (const s of (schema.allOf ?? []) as Schema[]) errors.push(...checkJsonSchema(value, s, root, path));
  if (schema.anyOf) {
    const fits = (schema.anyOf as Schema[]).filter((s) => checkJsonSchema(value, s, root, path).length === 0);
    if (fits.length === 0) errors.push(`${path}: fits none of anyOf`);
  }
  if (schema.oneOf) {
    const fits = (schema.oneOf as Schema[]).filter((s) => checkJsonSchema(value, s, root, path).length === 0);
    if (fits.length !== 1) errors.push(`${path}: fits ${fits.length} of oneOf, not exactly one`);
  }
  return errors;
}

function fitsType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}
