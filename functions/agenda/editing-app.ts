/** Mounts the editing routes of rooms, tracks, speakers and sessions on the agenda app. */
import type { App } from '../core/app.ts';
import { PreconditionRequiredError } from '../core/errors.ts';
import { versionFromIfMatch } from '../core/openapi-helpers.ts';
import {
  createEntity,
  deleteEntity,
  type EditDeps,
  getEntity,
  replaceEntity,
  requireEvent,
  sessionWarnings,
} from './editing.ts';
import { editingRoutes } from './editing-routes.ts';
import type { EntityKind } from './keys.ts';

export function requireVersion(header: string | undefined): number {
  const version = versionFromIfMatch(header);
  if (version === undefined) {
    throw new PreconditionRequiredError('Send If-Match with the ETag of the version you edited.');
  }
  return version;
}

const etag = (version: number) => `"${version}"`;

// The five handlers are the same for every kind; the route contracts differ only in their schemas.
// biome-ignore lint/suspicious/noExplicitAny: one generic handler set serves four route contracts.
type AnyContext = any;

export function mountEditing(app: App, deps: EditDeps) {
  for (const kind of Object.keys(editingRoutes) as EntityKind[]) {
    const routes = editingRoutes[kind];
    /** A session's response adds the conflicts it takes part in. */
    const written = async (eventId: string, entity: { id: string; version: number }) =>
      kind === 'session' ? { session: entity, warnings: await sessionWarnings(deps, eventId, entity.id) } : entity;

    app.openapi(routes.list, async (c: AnyContext) => {
      const { eventId } = c.req.valid('param');
      await requireEvent(deps.events, eventId);
      const draft = await deps.store.loadDraft(eventId);
      const items = [...draft[`${kind}s`]].sort((a, b) => a.id.localeCompare(b.id));
      c.header('Cache-Control', 'private, no-store');
      return c.json({ items }, 200);
    });

    app.openapi(routes.create, async (c: AnyContext) => {
      const { eventId } = c.req.valid('param');
      const entity = await createEntity(deps, kind, eventId, c.req.valid('json'));
      c.header('ETag', etag(entity.version));
      return c.json(await written(eventId, entity), 201);
    });

    app.openapi(routes.get, async (c: AnyContext) => {
      const { eventId, id } = c.req.valid('param');
      const entity = await getEntity(deps, kind, eventId, id);
      c.header('ETag', etag(entity.version));
      c.header('Cache-Control', 'private, no-store');
      return c.json(entity, 200);
    });

    app.openapi(routes.replace, async (c: AnyContext) => {
      const { eventId, id } = c.req.valid('param');
      const version = requireVersion(c.req.valid('header')['if-match']);
      const entity = await replaceEntity(deps, kind, eventId, id, c.req.valid('json'), version);
      c.header('ETag', etag(entity.version));
      return c.json(await written(eventId, entity), 200);
    });

    app.openapi(routes.remove, async (c: AnyContext) => {
      const { eventId, id } = c.req.valid('param');
      const version = requireVersion(c.req.valid('header')['if-match']);
      await deleteEntity(deps, kind, eventId, id, version);
      return c.body(null, 204);
    });
  }
}
