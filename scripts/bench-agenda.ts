/**
 * The agenda part of `npm run bench`: a generated agenda of 500 sessions, 300 speakers,
 * 12 rooms over 4 days, published once; then the public `GET …/agenda` over HTTP (full body
 * and 304 revalidation), requests per second and p99.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createAgendaApp } from '../functions/agenda/app.ts';
import { publish } from '../functions/agenda/publishing.ts';
import { agendaStores } from '../functions/agenda/wiring.ts';
import { createTokenVerifier } from '../functions/core/auth.ts';
import type { DocumentClient } from '../functions/core/dynamo.ts';
import { createEventsStore } from '../functions/events/store.ts';

type Run = (
  label: string,
  count: number,
  task: (i: number) => Promise<void>,
) => Promise<{ label: string; perSecond: number; p50: number; p99: number; failed: number }>;

/** The event the generated agenda belongs to; the site-build bench builds the site for it. */
export const AGENDA_EVENT_ID = 'bench-agenda';
const SESSIONS = 500;
const SPEAKERS = 300;
const ROOMS = 12;
const DAYS = ['2027-06-07', '2027-06-08', '2027-06-09', '2027-06-10'];
const text = (what: string, n: number) => ({ en: `${what} ${n} in English`, fr: `${what} ${n} en français` });
const abstract = (n: number) => ({
  en: `Abstract of session ${n}. ${'Customs data, risk and trade facilitation. '.repeat(6)}`,
  fr: `Résumé de la session ${n}. ${'Données douanières, risque et facilitation. '.repeat(6)}`,
});

/** Table rows (the bench's columns) for the public agenda GET of a generated 500-session agenda. */
export async function benchAgenda(doc: DocumentClient, table: string, run: Run, requests: number): Promise<string[]> {
  const eventId = AGENDA_EVENT_ID;
  await createEventsStore(doc, table).createEvent({
    id: eventId,
    name: { en: 'Bench agenda' },
    startDate: DAYS[0]!,
    endDate: DAYS.at(-1)!,
    timeZone: 'Europe/Lisbon',
    venue: { name: { en: 'Hall' }, address: 'Rua 1', city: { en: 'Lisbon', fr: 'Lisbonne' }, country: 'PT' },
    status: 'published',
  });
  const deps = { ...agendaStores(doc, table), now: () => new Date() };
  const { store } = deps;
  for (let r = 0; r < ROOMS; r += 1) {
    await store.putEntity('room', eventId, { id: `room-${r}`, name: text('Room', r), version: 1 }, undefined);
  }
  for (let t = 0; t < 4; t += 1) {
    await store.putEntity('track', eventId, { id: `track-${t}`, name: text('Track', t), version: 1 }, undefined);
  }
  for (let p = 0; p < SPEAKERS; p += 1) {
    const speaker = {
      id: `speaker-${p}`,
      name: `Speaker Number`,
      organisation: { en: `Administration ${p}` },
      version: 1,
    };
    await store.putEntity('speaker', eventId, { ...speaker, bio: text('Biography', p) }, undefined);
  }
  // Slots of 45 minutes from 08:00, every room at once: sessions in one slot never share a speaker.
  for (let k = 0; k < SESSIONS; k += 1) {
    const slot = Math.floor(k / ROOMS);
    const day = DAYS[Math.floor(slot / 11)]!;
    const minutes = 8 * 60 + (slot % 11) * 45;
    const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const session = {
      id: `session-${k}`,
      title: text('Session', k),
      abstract: abstract(k),
      type: 'talk' as const,
      start: `${day}T${time(minutes)}:00+01:00`,
      end: `${day}T${time(minutes + 45)}:00+01:00`,
      roomId: `room-${k % ROOMS}`,
      trackId: `track-${k % 4}`,
      speakerIds: [`speaker-${k % SPEAKERS}`, `speaker-${(k + 150) % SPEAKERS}`],
      version: 1,
    };
    await store.putEntity('session', eventId, session, undefined, session);
  }
  const publishStarted = performance.now();
  await publish(deps, eventId, 'bench');
  const publishMs = performance.now() - publishStarted;

  const app = createAgendaApp({
    ...deps,
    verifyToken: createTokenVerifier({ issuer: 'https://unused.example', clientIds: ['none'] }),
    siteUrl: 'http://localhost:4321',
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/events/${eventId}/agenda`;
  const first = await fetch(url);
  const etag = first.headers.get('etag') ?? '';
  const bytes = (await first.arrayBuffer()).byteLength;
  const full = await run('public agenda, full body', requests, async () => {
    const r = await fetch(url);
    if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
    await r.arrayBuffer();
  });
  const revalidated = await run('public agenda, If-None-Match (304)', requests, async () => {
    const r = await fetch(url, { headers: { 'if-none-match': etag } });
    if (r.status !== 304) throw new Error(`HTTP ${r.status}`);
    await r.arrayBuffer();
  });
  server.close();

  const about = `${SESSIONS} sessions, ${SPEAKERS} speakers, ${ROOMS} rooms, ${DAYS.length} days, ${(bytes / 1024).toFixed(0)} KB; published in ${publishMs.toFixed(0)} ms`;
  return [full, revalidated].map(
    (r) =>
      `| ${r.label} (${about}) | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.failed} | |`,
  );
}
