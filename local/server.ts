/** One origin for the local twin: the same Hono apps API Gateway reaches, and the built site. */

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { type ContextName, contextForPath } from '../functions/contexts.ts';
import { contentSecurityPolicy, REFERRER_POLICY } from '../site/security-headers.ts';

/** An app's fetch; `env` carries the Node bindings (the socket) on to the context apps. */
type FetchApp = { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };

export function createLocalApp(options: { apps: Record<ContextName, FetchApp>; siteDir: string; extra?: Hono }) {
  const { apps, siteDir } = options;
  const root = new Hono();
  if (options.extra) root.route('/', options.extra);

  root.all('/api/*', (c) => apps[contextForPath(c.req.path) ?? 'docs'].fetch(c.req.raw, c.env));
  root.all('/api', (c) => apps.docs.fetch(c.req.raw, c.env));

  // The headers CloudFront adds to site responses in AWS.
  const csp = contentSecurityPolicy();
  root.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', REFERRER_POLICY);
    c.header('X-Frame-Options', 'DENY');
  });

  // Like CloudFront in front of S3: /fr goes to /fr/, directories serve their index.html.
  root.get('*', async (c, next) => {
    const path = c.req.path;
    if (!path.endsWith('/') && !path.includes('.')) {
      const dir = join(siteDir, path);
      if (existsSync(dir) && statSync(dir).isDirectory()) return c.redirect(`${path}/`, 301);
    }
    return next();
  });
  root.use('*', serveStatic({ root: siteDir }));
  root.notFound((c) => {
    const page = join(siteDir, '404.html');
    return existsSync(page) ? c.html(readFileSync(page, 'utf8'), 404) : c.text('Not found', 404);
  });
  return root;
}
