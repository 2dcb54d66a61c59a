/** Route contracts of the public exports, all from the latest published version. */

import * as z from 'zod/mini';
import { createRoute } from '../core/contract.ts';
import { problemResponse } from '../core/openapi-helpers.ts';
import { Id } from '../core/schemas.ts';
import { meta } from '../core/zod.ts';

const lang = z.object({
  lang: meta(z._default(z.enum(['en', 'fr']), 'en'), { description: 'Language of titles, abstracts and links' }),
});
const file = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: z.string() } },
});
const exportRoute = <P extends z.ZodMiniObject>(path: string, summary: string, mediaType: string, params: P) =>
  createRoute({
    method: 'get',
    path,
    tags: ['agenda exports'],
    summary,
    request: { params, query: lang },
    responses: {
      200: file(mediaType, summary),
      304: { description: 'Not modified' },
      400: problemResponse('Malformed id'),
      404: problemResponse('No agenda published, or no such session or speaker in it'),
    },
  });

const event = z.object({ eventId: Id });
export const agendaIcsRoute = exportRoute(
  '/api/events/{eventId}/agenda.ics',
  'The published agenda as iCalendar',
  'text/calendar',
  event,
);
export const sessionIcsRoute = exportRoute(
  '/api/events/{eventId}/sessions/{sessionId}/calendar.ics',
  'One published session as iCalendar',
  'text/calendar',
  z.object({ eventId: Id, sessionId: Id }),
);
export const speakerIcsRoute = exportRoute(
  '/api/events/{eventId}/speakers/{speakerId}/calendar.ics',
  "One speaker's published sessions as iCalendar",
  'text/calendar',
  z.object({ eventId: Id, speakerId: Id }),
);
export const scheduleXmlRoute = exportRoute(
  '/api/events/{eventId}/schedule.xml',
  'The published agenda as frab/pentabarf schedule XML',
  'application/xml',
  event,
);
export const scheduleJsonRoute = exportRoute(
  '/api/events/{eventId}/schedule.json',
  'The published agenda as c3voc schedule JSON',
  'application/json',
  event,
);

export const exportRoutes = [agendaIcsRoute, sessionIcsRoute, speakerIcsRoute, scheduleXmlRoute, scheduleJsonRoute];
