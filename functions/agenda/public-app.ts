/**
 * Mounts the public reads (the agenda and its exports) on the agenda app. Everything comes
 * from the latest published version: a strong ETag per version (and format and language),
 * 304 on If-None-Match, and a Cache-Control that lets CloudFront hold it for a minute.
 */
import type { Context } from 'hono';
import type { App } from '../core/app.ts';
import { NotFoundError } from '../core/errors.ts';
import type { EventReader } from '../events/public.ts';
import type { Event } from '../events/schemas.ts';
import { publicAgendaRoute } from './agenda-routes.ts';
import type { ExportContext, ExportLanguage } from './export-model.ts';
import {
  agendaIcsRoute,
  scheduleJsonRoute,
  scheduleXmlRoute,
  sessionIcsRoute,
  speakerIcsRoute,
} from './export-routes.ts';
import type { PublishedBody, PublishedReader } from './published.ts';
import { scheduleJson } from './schedule-json.ts';
import { scheduleXml } from './schedule-xml.ts';

export type PublicDeps = { published: PublishedReader; events: EventReader; siteUrl: string };

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** Whether If-None-Match names this ETag (or is `*`); weak forms match too, as RFC 9110 asks for GET. */
export function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });
}

async function latest(deps: PublicDeps, eventId: string): Promise<{ body: PublishedBody; event: Event }> {
  const [body, event] = await Promise.all([deps.published.latest(eventId), deps.events.getEvent(eventId)]);
  if (!event || event.status !== 'published' || !body) {
    throw new NotFoundError(`No agenda has been published for ${eventId}.`);
  }
  return { body, event };
}

/** Exports of one version, kept beside it: the same version, format and language make the same bytes. */
const rendered = new Map<string, string>();
function renderOnce(key: string, render: () => string): string {
  const hit = rendered.get(key);
  if (hit !== undefined) return hit;
  const text = render();
  rendered.set(key, text);
  if (rendered.size > 64) rendered.delete(rendered.keys().next().value as string);
  return text;
}

function send(c: Context, etag: string, contentType: string, render: () => string, filename?: string) {
  c.header('ETag', etag);
  c.header('Cache-Control', PUBLIC_CACHE_CONTROL);
  if (notModified(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  c.header('Content-Type', contentType);
  if (filename) c.header('Content-Disposition', `inline; filename="${filename}"`);
  return c.body(renderOnce(etag, render), 200);
}

const tagged = (etag: string, what: string) => `${etag.slice(0, -1)}-${what}"`;

/** The iCalendar writer (ical-generator and the zone library, about 65 KB), loaded by the first .ics request. */
const icsWriter = async () => (await import('./ics.ts')).agendaIcs;

export function mountPublic(app: App, deps: PublicDeps) {
  app.openapi(publicAgendaRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const { body } = await latest(deps, eventId);
    return send(c, body.etag, 'application/json; charset=utf-8', () => body.json) as never;
  });

  const exportOf = async (eventId: string, lang: ExportLanguage) => {
    const { body, event } = await latest(deps, eventId);
    const ctx: ExportContext = { agenda: body.agenda, event, siteUrl: deps.siteUrl, lang };
    return { ctx, etag: body.etag };
  };

  app.openapi(agendaIcsRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const { ctx, etag } = await exportOf(eventId, c.req.valid('query').lang);
    const name = `${ctx.event.name[ctx.lang] ?? ctx.event.name.en}`;
    const agendaIcs = await icsWriter();
    const render = () => agendaIcs(ctx, ctx.agenda.sessions, name);
    return send(c, tagged(etag, `ics-${ctx.lang}`), 'text/calendar; charset=utf-8', render, `${eventId}.ics`) as never;
  });

  app.openapi(sessionIcsRoute, async (c) => {
    const { eventId, sessionId } = c.req.valid('param');
    const { ctx, etag } = await exportOf(eventId, c.req.valid('query').lang);
    const session = ctx.agenda.sessions.find((s) => s.id === sessionId);
    if (!session) throw new NotFoundError(`No session ${sessionId} in the published agenda.`);
    const name = session.title[ctx.lang] ?? session.title.en;
    const agendaIcs = await icsWriter();
    const render = () => agendaIcs(ctx, [session], name);
    const tag = tagged(etag, `session-${sessionId}-${ctx.lang}`);
    return send(c, tag, 'text/calendar; charset=utf-8', render, `${sessionId}.ics`) as never;
  });

  app.openapi(speakerIcsRoute, async (c) => {
    const { eventId, speakerId } = c.req.valid('param');
    const { ctx, etag } = await exportOf(eventId, c.req.valid('query').lang);
    const speaker = ctx.agenda.speakers.find((s) => s.id === speakerId);
    if (!speaker) throw new NotFoundError(`No speaker ${speakerId} in the published agenda.`);
    const sessions = ctx.agenda.sessions.filter((s) => s.speakerIds.includes(speakerId));
    const agendaIcs = await icsWriter();
    const render = () => agendaIcs(ctx, sessions, speaker.name);
    const tag = tagged(etag, `speaker-${speakerId}-${ctx.lang}`);
    return send(c, tag, 'text/calendar; charset=utf-8', render, `${speakerId}.ics`) as never;
  });

  app.openapi(scheduleXmlRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const { ctx, etag } = await exportOf(eventId, c.req.valid('query').lang);
    return send(c, tagged(etag, `xml-${ctx.lang}`), 'application/xml; charset=utf-8', () => scheduleXml(ctx)) as never;
  });

  app.openapi(scheduleJsonRoute, async (c) => {
    const { eventId } = c.req.valid('param');
    const { ctx, etag } = await exportOf(eventId, c.req.valid('query').lang);
    const render = () => JSON.stringify(scheduleJson(ctx));
    return send(c, tagged(etag, `json-${ctx.lang}`), 'application/json; charset=utf-8', render) as never;
  });
}
