/**
 * The route contracts' `zod/mini` schemas as full-zod schemas, for the OpenAPI generator
 * (`@asteasolutions/zod-to-openapi` reads the full zod's members: `minLength`, `format`,
 * `meta()`...). Both APIs share zod's core, so a mini schema's definition builds the full
 * schema of the same name (`ZodMiniString` → `ZodString`) with the same checks, and its
 * metadata is set again through the full zod's `meta()`, as a full-zod contract would have
 * it. Build time only: nothing here runs in a Lambda.
 */
import * as full from 'zod';
import * as z from 'zod/mini';

const converted = new WeakMap<object, unknown>();

const isSchema = (value: unknown): value is z.core.$ZodType =>
  typeof value === 'object' && value !== null && '_zod' in value;

/** The full-zod twin of a schema (itself when it is not a mini schema). */
export function toFullZod(schema: z.core.$ZodType): unknown {
  const done = converted.get(schema);
  if (done) return done;
  const name = schema._zod.constr.name;
  if (!name.startsWith('ZodMini')) return schema;
  const Full = (full as unknown as Record<string, new (def: unknown) => full.ZodType>)[name.replace('ZodMini', 'Zod')];
  if (!Full) throw new Error(`No full-zod schema for ${name}`);
  const def: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema._zod.def)) {
    // Checks are core objects, shared by both APIs; the rest (inner schemas, an object's shape,
    // a union's options) holds schemas to convert.
    def[key] = key === 'checks' ? value : withFullZod(value);
  }
  const metadata = z.globalRegistry.get(schema);
  const twin = metadata ? new Full(def).meta(metadata) : new Full(def);
  converted.set(schema, twin);
  return twin;
}

/** A route contract (or any value) with every schema in it converted, plain objects and arrays walked. */
export function withFullZod<T>(value: T): T {
  if (isSchema(value)) return toFullZod(value) as T;
  if (Array.isArray(value)) return value.map(withFullZod) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFullZod(v)])) as T;
  }
  return value;
}
