/** The static paths of the session and speaker pages of one language (none before a first publish). */

import { getPublishedAgenda } from '../../lib/agenda.ts';
import { getFeaturedEvent } from '../../lib/api.ts';
import type { Language } from '../../lib/api-types.ts';

export async function sessionPaths(lang: Language) {
  const event = await getFeaturedEvent();
  const agenda = event ? await getPublishedAgenda(event.id) : undefined;
  if (!event || !agenda) return [];
  return agenda.sessions.map((session) => ({
    params: { sessionId: session.id },
    props: { lang, event, agenda, session },
  }));
}

export async function speakerPaths(lang: Language) {
  const event = await getFeaturedEvent();
  const agenda = event ? await getPublishedAgenda(event.id) : undefined;
  if (!event || !agenda) return [];
  return agenda.speakers.map((speaker) => ({
    params: { speakerId: speaker.id },
    props: { lang, event, agenda, speaker },
  }));
}
