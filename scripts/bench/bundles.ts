/**
 * Each Lambda's bundle, built by infra/bundling.ts as deployed (esbuild, minified, ESM,
 * node24, lazily loaded chunks), against a bare Hono + DynamoDB document client bundle built
 * with the same options: the size of what a cold start loads (the entry and the chunks it
 * imports statically; the chunks loaded on use are shown apart), and the time a fresh Node
 * process takes to import it (the median of interleaved rounds).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { contexts } from '../../functions/contexts.ts';
import { bundleFunction, esbuildOptions, startupFiles } from '../../infra/bundling.ts';

const ROOT = join(import.meta.dirname, '../..');
/** Rounds of imports: each round imports every bundle once, the bare one first. */
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 7);

/** What every handler reads at cold start; values only need to be well formed. */
const ENV = {
  AWS_REGION: 'eu-west-1',
  TABLE_NAME: 'bench',
  SITE_URL: 'https://conference.example',
  MAIL_FROM: 'noreply@conference.example',
  USER_POOL_ID: 'eu-west-1_bench',
  DISTRIBUTION_ID: 'EBENCH',
  LOGOS_BUCKET: 'bench-logos',
  OIDC_ISSUER: 'https://issuer.example',
  OIDC_CLIENT_IDS: 'bench',
  OIDC_AUDIENCE: 'bench',
  ORIGIN_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:bench',
};

const BARE = `import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = new Hono();
app.get('/api/x/:id', async (c) => c.json((await doc.send(new GetCommand({ TableName: 't', Key: { PK: c.req.param('id') } }))).Item ?? {}));
export const handler = handle(app);
`;

/** `bytes`: what the import loads; `lazyBytes`: the chunks loaded on first use. */
export type BundleRow = { name: string; bytes: number; lazyBytes: number; importMs: number };

const jsBytes = (metafile: { outputs: Record<string, { bytes: number }> }, only?: (path: string) => boolean) =>
  Object.entries(metafile.outputs)
    .filter(([path]) => path.endsWith('.mjs') && (only?.(path) ?? true))
    .reduce((sum, [, output]) => sum + output.bytes, 0);

/** The bare bundle: the same options, from source text. */
async function bareBundle(dir: string) {
  const { entryPoints: _entry, ...options } = esbuildOptions('unused', dir);
  const { metafile = { inputs: {}, outputs: {} } } = await build({
    ...options,
    stdin: { contents: BARE, resolveDir: ROOT, loader: 'ts' },
    entryNames: 'index',
    logLevel: 'silent',
  });
  const total = jsBytes(metafile);
  const bytes = startupFiles(metafile, dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
  return { bytes, lazyBytes: total - bytes };
}

/** How long a fresh Node process takes to import `file`, in ms. */
function importOnce(file: string): number {
  const run = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});console.log(performance.now()-t)`,
    ],
    { env: { ...process.env, ...ENV }, encoding: 'utf8', timeout: 30_000 },
  );
  // The last lines only: the rest of a failed import's stderr is the minified source.
  if (run.status !== 0) throw new Error(`import of ${file} failed: ${run.stderr.slice(-800)}`);
  return Number(run.stdout.trim());
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The median import time of each file, imported in interleaved rounds: load on the machine
 * (a test run beside the bench) hits the bare bundle and the others alike.
 */
function importMedians(files: string[]): number[] {
  const times = files.map(() => [] as number[]);
  for (let round = 0; round < RUNS; round += 1) {
    for (const [i, file] of files.entries()) times[i]!.push(importOnce(file));
  }
  return times.map(median);
}

export async function measureBundles(): Promise<{ bare: BundleRow; rows: BundleRow[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
  try {
    const entries = [
      ...contexts.map((c) => ({ name: c.name, entry: c.entry })),
      { name: 'mail worker', entry: 'functions/mail/handler.ts' },
    ];
    // Built first, all of them, then imported in turn: the same machine state for each.
    const built: { name: string; out: string; bytes: number; lazyBytes: number }[] = [];
    const bareDir = join(dir, 'bare');
    const bareSizes = await bareBundle(bareDir);
    for (const { name, entry } of entries) {
      const outdir = join(dir, name.replace(/\W/g, '-'));
      mkdirSync(outdir, { recursive: true });
      const metafile = bundleFunction(entry, outdir);
      const atStart = new Set(startupFiles(metafile, outdir).map((file) => join(outdir, file)));
      const total = jsBytes(metafile);
      const bytes = [...atStart].reduce((sum, file) => sum + statSync(file).size, 0);
      built.push({ name, out: join(outdir, 'index.mjs'), bytes, lazyBytes: total - bytes });
    }
    const [bareMs = 0, ...ms] = importMedians([join(bareDir, 'index.mjs'), ...built.map((b) => b.out)]);
    const bare: BundleRow = { name: 'bare Hono + DynamoDB', ...bareSizes, importMs: bareMs };
    const rows = built.map(({ name, bytes, lazyBytes }, i) => ({ name, bytes, lazyBytes, importMs: ms[i] ?? 0 }));
    return { bare, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundles' part of the results table (Markdown lines). */
export function bundleTable({ bare, rows }: { bare: BundleRow; rows: BundleRow[] }): string[] {
  const ms = (n: number) => n.toFixed(1);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  return [
    'Lambda bundles as infra/bundling.ts deploys them (minified ESM, node24, split): size loaded at start (the entry and its static chunks), chunks loaded on first use, import time the median of fresh Node processes in interleaved rounds:',
    '',
    '| bundle | size at start | × bare | loaded on use | import ms | × bare |',
    '|---|---|---|---|---|---|',
    `| ${bare.name} | ${kb(bare.bytes)} | 1.00 | ${kb(bare.lazyBytes)} | ${ms(bare.importMs)} | 1.00 |`,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${kb(r.bytes)} | ${(r.bytes / bare.bytes).toFixed(2)} | ${r.lazyBytes ? kb(r.lazyBytes) : ''} | ${ms(r.importMs)} | ${(r.importMs / bare.importMs).toFixed(2)} |`,
    ),
  ];
}
