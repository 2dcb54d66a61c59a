/**
 * Checks over a built site (site/dist), written for whatever pages exist when they run:
 * the W3C Nu HTML checker (vnu-jar on the machine's Java, one JVM for every file), internal
 * links that resolve, and the JavaScript and byte budgets of content pages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LEAN_JVM_OPTIONS } from '../../local/java.ts';

/** Every file under `dir`, as paths relative to it (forward slashes). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export const htmlFiles = (dist: string) => filesUnder(dist).filter((f) => f.endsWith('.html'));

export type VnuMessage = { file: string; line?: number; message: string };

/** The Nu checker's errors over every HTML file of `dist` (one Java process for all). */
export function vnuErrors(dist: string): VnuMessage[] {
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const files = htmlFiles(dist).map((f) => join(dist, f));
  if (files.length === 0) return [];
  const run = spawnSync(
    'java',
    [...LEAN_JVM_OPTIONS, '-Xss4m', '-jar', jar, '--format', 'json', '--errors-only', ...files],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 170_000,
    },
  );
  if (run.error) throw run.error;
  // vnu writes its JSON report to stderr and exits 1 when it found errors.
  const report = JSON.parse(run.stderr || '{"messages":[]}') as {
    messages: { type: string; url?: string; lastLine?: number; message: string }[];
  };
  return report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({
      file: m.url ? relative(dist, decodeURIComponent(new URL(m.url).pathname)) : '?',
      line: m.lastLine,
      message: m.message,
    }));
}

/** Same-origin paths served by something other than a file in dist (the API, sign-in, local tools). */
export const DYNAMIC_PREFIXES = ['/api/', '/auth/', '/oidc/', '/_local/'];

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;

/** A same-origin path and the file in dist that answers it, or undefined when none does. */
function resolves(dist: string, path: string): boolean {
  const clean = decodeURIComponent(path.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}.html`, `${clean}/index.html`];
  return candidates.some((c) => existsSync(join(dist, c)) && statSync(join(dist, c)).isFile());
}

export type BrokenLink = { file: string; link: string };

/** Every href/src in every page that points to a same-origin path no file in dist answers. */
export function brokenLinks(dist: string, dynamic = DYNAMIC_PREFIXES): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(join(dist, file), 'utf8');
    const base = `/${posix.dirname(file) === '.' ? '' : `${posix.dirname(file)}/`}`;
    for (const [, raw] of html.matchAll(ATTRIBUTE)) {
      const link = raw!.replaceAll('&amp;', '&');
      if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//') || link.startsWith('#')) continue;
      const path = link.startsWith('/') ? link : posix.join(base, link);
      if (dynamic.some((prefix) => path.startsWith(prefix))) continue;
      if (!resolves(dist, path)) broken.push({ file, link });
    }
  }
  return broken;
}

/** Content pages (DESIGN §7) by their path in dist, whichever exist: the budgets apply to them. */
export function contentPages(dist: string): string[] {
  const content = /^(fr\/)?(index\.html|programme\/|speakers\/|exhibition\/|sessions?\/|exhibitors?\/)/;
  return htmlFiles(dist).filter((f) => content.test(f));
}

export type PageWeight = { page: string; jsGzip: number; totalBytes: number; assets: string[] };

const ASSET = /<(?:script|link)\b[^>]*?(?:src|href)="(\/[^"]+\.(?:js|mjs|css))"/g;
const IMPORT = /(?:import|from)\s*\(?\s*["']([^"']+\.m?js)["']/g;

/**
 * What a page loads without images: the HTML, its stylesheets and scripts, and the modules
 * those scripts import (followed through the bundle). JS is counted gzip, as served.
 */
export function pageWeight(dist: string, page: string): PageWeight {
  const html = readFileSync(join(dist, page), 'utf8');
  const assets = new Set<string>();
  const inlineJs: string[] = [];
  for (const [, src] of html.matchAll(ASSET)) assets.add(src!);
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    if (body!.trim()) inlineJs.push(body!);
    for (const [, spec] of body!.matchAll(IMPORT)) if (spec!.startsWith('/')) assets.add(spec!);
  }
  // Modules imported by modules, relative to the importing file.
  const queue = [...assets].filter((a) => /\.m?js$/.test(a));
  while (queue.length) {
    const asset = queue.pop()!;
    const file = join(dist, asset);
    if (!existsSync(file)) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = spec!.startsWith('/') ? spec! : posix.join(posix.dirname(asset), spec!);
      if (!assets.has(target)) {
        assets.add(target);
        queue.push(target);
      }
    }
  }
  let jsGzip = inlineJs.reduce((sum, js) => sum + gzipSync(js).length, 0);
  let totalBytes = Buffer.byteLength(html);
  for (const asset of assets) {
    const file = join(dist, asset);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    totalBytes += bytes.length;
    if (/\.m?js$/.test(asset)) jsGzip += gzipSync(bytes).length;
  }
  return { page, jsGzip, totalBytes, assets: [...assets].sort() };
}

export const JS_BUDGET_GZIP = 10 * 1024;
export const PAGE_BUDGET = 100 * 1024;
