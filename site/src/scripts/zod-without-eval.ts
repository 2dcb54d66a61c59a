/**
 * Imported first by any island that parses with zod. zod probes `new Function` when it builds
 * an object schema, to compile faster parsers; the pages' CSP forbids eval, and the browser
 * reports even a probe whose failure zod catches. Parsing without it is as exact. ESM runs
 * imports in order, so this runs before the schemas are built.
 */
import { config } from 'zod/mini';

config({ jitless: true });
