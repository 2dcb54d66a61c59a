/**
 * How every Lambda is bundled: the one definition `infra/context-function.ts` deploys and
 * `npm run bench` measures. esbuild, minified ESM for node24 with source maps, the AWS SDK
 * bundled (pinned by our lock, not the runtime's copy), and code splitting: a module the
 * code loads with `import()` at its point of use (pdf-lib for invoices, the bank-statement
 * parsers, the markdown sanitiser...) goes into a chunk of its own under `chunks/`, read only
 * when a request needs it, so a cold start parses only what every request needs.
 *
 * The docs context serves a document generated here, at build time, from the same route
 * contracts (`functions/docs/openapi.ts`): its Lambda never loads the OpenAPI generator.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';
import { buildOpenApiDocument } from '../functions/docs/openapi.ts';

export const projectRoot = join(import.meta.dirname, '..');

/** The Lambda handler: `index.mjs` exports `handler`. */
export const HANDLER = 'index.handler';

/** The docs context's entry, and the file its handler reads the OpenAPI document from. */
export const DOCS_ENTRY = 'functions/docs/handler.ts';
export const OPENAPI_FILE = 'openapi.json';

export function esbuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { index: join(projectRoot, entry) },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    sourcemap: true,
    // ESM bundles of CommonJS packages (the AWS SDK) still call require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    mainFields: ['module', 'main'],
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  };
}

/**
 * Bundles one Lambda (`entry` relative to the project root) into `outdir`: `index.mjs`, its
 * chunks and their source maps, plus the build-time files a context needs.
 */
export function bundleFunction(entry: string, outdir: string): Metafile {
  const result = buildSync(esbuildOptions(entry, outdir));
  // Generated here only: the generator and every schema's JSON Schema stay out of the Lambda.
  if (entry === DOCS_ENTRY) writeFileSync(join(outdir, OPENAPI_FILE), JSON.stringify(buildOpenApiDocument()));
  return result.metafile as Metafile;
}

/** The output files `import` loads at start (the entry and its static imports), relative to `outdir`. */
export function startupFiles(metafile: Metafile, outdir: string): string[] {
  const outputs = metafile.outputs;
  const key = (file: string) => relative(projectRoot, join(outdir, file));
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !outputs[path]) return;
    seen.add(path);
    for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(key('index.mjs'));
  return [...seen].map((path) => relative(outdir, join(projectRoot, path)));
}
