/**
 * Each Lambda's bundle, built the way infra/context-function.ts builds it (esbuild, minified,
 * ESM, node24), against a bare Hono + DynamoDB document client bundle built the same way:
 * size, and the time a fresh Node process takes to import it (median of a few runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { contexts } from '../../functions/contexts.ts';

const ROOT = join(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);

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

export type BundleRow = { name: string; bytes: number; importMs: number };

async function bundle(entry: string | { contents: string }, out: string) {
  await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'ts' as const } }),
    outfile: out,
    bundle: true,
    platform: 'node',
    minify: true,
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  return statSync(out).size;
}

function importMs(file: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
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
    times.push(Number(run.stdout.trim()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function measureBundles(): Promise<{ bare: BundleRow; rows: BundleRow[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
  try {
    const entries = [
      ...contexts.map((c) => ({ name: c.name, entry: join(ROOT, c.entry) })),
      { name: 'mail worker', entry: join(ROOT, 'functions/mail/handler.ts') },
    ];
    // Built first, all of them, then imported in turn: the same machine state for each.
    const built: { name: string; out: string; bytes: number }[] = [];
    const bareOut = join(dir, 'bare.mjs');
    const bareBytes = await bundle({ contents: BARE }, bareOut);
    for (const { name, entry } of entries) {
      const out = join(dir, `${name.replace(/\W/g, '-')}.mjs`);
      built.push({ name, out, bytes: await bundle(entry, out) });
    }
    // Interleaved with the bare bundle, so load on the machine hits both alike.
    const bare: BundleRow = { name: 'bare Hono + DynamoDB', bytes: bareBytes, importMs: importMs(bareOut) };
    const rows = built.map(({ name, out, bytes }) => ({ name, bytes, importMs: importMs(out) }));
    bare.importMs = (bare.importMs + importMs(bareOut)) / 2;
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
    'Lambda bundles (esbuild as infra/context-function.ts: minified, ESM, node24), import time the median of fresh Node processes:',
    '',
    '| bundle | size | × bare | import ms | × bare |',
    '|---|---|---|---|---|',
    `| ${bare.name} | ${kb(bare.bytes)} | 1.00 | ${ms(bare.importMs)} | 1.00 |`,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${kb(r.bytes)} | ${(r.bytes / bare.bytes).toFixed(2)} | ${ms(r.importMs)} | ${(r.importMs / bare.importMs).toFixed(2)} |`,
    ),
  ];
}
