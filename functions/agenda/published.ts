/**
 * Reading published versions. A version never changes, so its decoded body (and its JSON
 * text, and a strong ETag) is cached in memory by event and version; a request then costs
 * one small GetItem for the pointer to the latest version.
 */
import { createHash } from 'node:crypto';
import type { PublishedAgenda } from './schemas.ts';
import { decodeSnapshot } from './snapshot.ts';
import type { AgendaStore } from './store.ts';

export type PublishedBody = { agenda: PublishedAgenda; json: string; etag: string };
export type PublishedReader = {
  latest(eventId: string): Promise<PublishedBody | undefined>;
  version(eventId: string, version: number): Promise<PublishedBody | undefined>;
};

/** Versions kept in memory; a Lambda serves a handful of events. */
const CACHE_SIZE = 16;

export function createPublishedReader(store: Pick<AgendaStore, 'publishedPointer' | 'versionChunks'>): PublishedReader {
  const cache = new Map<string, PublishedBody>();

  async function version(eventId: string, n: number): Promise<PublishedBody | undefined> {
    const key = `${eventId}#${n}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const chunks = await store.versionChunks(eventId, n);
    if (chunks.length === 0) return undefined;
    const agenda = decodeSnapshot(chunks);
    const json = JSON.stringify(agenda);
    const digest = createHash('sha256').update(json).digest('base64url').slice(0, 16);
    const body = { agenda, json, etag: `"v${n}-${digest}"` };
    cache.set(key, body);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return body;
  }

  return {
    version,
    async latest(eventId) {
      const pointer = await store.publishedPointer(eventId);
      return pointer ? version(eventId, pointer.version) : undefined;
    },
  };
}
