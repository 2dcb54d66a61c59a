import { createApp, type EdgeOptions } from '../core/app.ts';
import { requirePrincipal, type TokenVerifier } from '../core/auth.ts';
import { draftRoute, publishRoute, versionsRoute } from './agenda-routes.ts';
import type { EditDeps } from './editing.ts';
import { mountEditing } from './editing-app.ts';
import { mountPublic } from './public-app.ts';
import type { PublishedReader } from './published.ts';
import { draftView, listVersions, type PublishStore, publish } from './publishing.ts';
import type { AgendaStore } from './store.ts';

export type AgendaAppDeps = Omit<EditDeps, 'store'> & {
  store: EditDeps['store'] & PublishStore & Pick<AgendaStore, 'publishedPointer' | 'versionChunks'>;
  published: PublishedReader;
  verifyToken: TokenVerifier;
  /** The public site's origin, for links to session pages in the exports. */
  siteUrl: string;
  allowedOrigins?: string[];
  edge?: EdgeOptions;
};

export function createAgendaApp(deps: AgendaAppDeps) {
  const app = createApp({ ...deps.edge, verifyToken: deps.verifyToken, allowedOrigins: deps.allowedOrigins });

  mountEditing(app, deps);

  app.openapi(draftRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    c.header('Cache-Control', 'private, no-store');
    return c.json(await draftView(deps, eventId), 200);
  });

  app.openapi(publishRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const principal = await requirePrincipal(c);
    const version = await publish(deps, eventId, principal.email ?? principal.sub);
    return c.json({ version }, 201);
  });

  app.openapi(versionsRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items: await listVersions(deps, eventId) }, 200);
  });

  mountPublic(app, deps);
  return app;
}
