/** Builds the Astro site against a running API when its sources or the data it shows changed. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

const SOURCES = [
  'site/src',
  'site/public',
  'site/astro.config.mjs',
  'functions/core/schemas.ts',
  'functions/core/countries.ts',
  'functions/events/schemas.ts',
  'functions/registrations/schemas.ts',
  'functions/sponsors/schemas.ts',
  'functions/identity/schemas.ts',
  'functions/agenda/schemas.ts',
  'functions/sponsors/description-allowlist.ts',
  'functions/registrations/desk-routes.ts',
  'package-lock.json',
];
const STAMP = 'site/dist/.build-stamp';

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** What the built site depends on: its sources and the published data it renders. */
export async function siteFingerprint(root: string, apiBase: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => filesUnder(join(root, s)))) {
    hash.update(relative(root, file)).update(readFileSync(file));
  }
  const events = (await (await fetch(`${apiBase}/api/events?limit=100`)).json()) as { items: { id: string }[] };
  for (const { id } of events.items) {
    const detail = (await (await fetch(`${apiBase}/api/events/${id}`)).json()) as {
      categories?: Record<string, unknown>[];
    };
    // Live seat counts are not part of the static pages' identity.
    const categories = (detail.categories ?? []).map(({ available: _a, open: _o, ...rest }) => rest);
    hash.update(JSON.stringify({ ...detail, categories }));
    // The published agenda (its ETag names the version) and the live sponsor list.
    const agenda = await fetch(`${apiBase}/api/events/${id}/agenda`);
    hash.update(`agenda:${agenda.status}:${agenda.headers.get('etag') ?? ''}`);
    await agenda.body?.cancel();
    const sponsors = await fetch(`${apiBase}/api/events/${id}/sponsors`);
    hash.update(`sponsors:${sponsors.status}:${await sponsors.text()}`);
  }
  return hash.digest('hex');
}

export function isSiteCurrent(root: string, fingerprint: string): boolean {
  const stamp = join(root, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
}

export type BuildHandle = { done: Promise<void>; cancel: () => void };

/**
 * Builds into a fresh directory and swaps it in when done: Astro empties its output first,
 * and the twin keeps serving the pages while a rebuild after a publish runs.
 */
export function buildSite(root: string, apiBase: string, fingerprint: string, logFile: string): BuildHandle {
  mkdirSync(join(logFile, '..'), { recursive: true });
  const log = createWriteStream(logFile);
  const dist = join(root, 'site/dist');
  const next = join(root, 'site/.dist-next');
  const old = join(root, 'site/.dist-old');
  rmSync(next, { recursive: true, force: true });
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', join(root, 'site'), '--outDir', next],
    {
      cwd: root,
      env: { ...process.env, API_BASE_URL: apiBase, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const done = new Promise<void>((resolve, reject) => {
    child.once('exit', (code, signal) => {
      log.end();
      if (code === 0) {
        rmSync(old, { recursive: true, force: true });
        if (existsSync(dist)) renameSync(dist, old);
        renameSync(next, dist);
        rmSync(old, { recursive: true, force: true });
        writeFileSync(join(root, STAMP), fingerprint);
        resolve();
      } else reject(new Error(`Site build failed (${signal ?? code}); see ${logFile}`));
    });
  });
  return { done, cancel: () => child.kill('SIGTERM') };
}
