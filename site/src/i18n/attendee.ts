/** The attendee pages' extra texts by language (build time; islands get their part as JSON). */
import type { Language } from '../lib/api-types.ts';
import { type AttendeeStrings, attendeeEn } from './attendee.en.ts';
import { attendeeFr } from './attendee.fr.ts';

export type { AttendeeStrings } from './attendee.en.ts';

export function attendee(lang: Language): AttendeeStrings {
  return lang === 'fr' ? attendeeFr : attendeeEn;
}
