/**
 * Validation at run time is `zod/mini`: the same engine and messages as the full zod, but
 * functions instead of methods, so a bundle carries only the checks it uses and builds its
 * schemas faster. The full zod's method chains cost every Lambda about 90 KB and a third of
 * its cold start. Every schema module imports `meta` from here, so the English messages are
 * configured wherever a schema can parse (the full zod configures them itself; mini does not).
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

/**
 * The schema with OpenAPI metadata (description, example, id...), as the full zod's
 * `.meta()`: on a copy, so the same base schema can carry other metadata elsewhere.
 */
export function meta<T extends z.ZodMiniType>(schema: T, metadata: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, metadata);
  return copy;
}
