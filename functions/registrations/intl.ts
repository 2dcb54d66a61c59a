/**
 * The Intl formatters mails and invoices use, built once per language and kept: building
 * one costs about a millisecond (it loads locale data), using one a few microseconds, and
 * every sign-up's mail formats several dates. Languages are a closed set, so this stays small.
 */
import type { Language } from '../core/schemas.ts';

export const localeOf = (language: Language) => (language === 'fr' ? 'fr-FR' : 'en-GB');

const kept = new Map<string, Intl.DateTimeFormat | Intl.DisplayNames>();

function keep<T extends Intl.DateTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let found = kept.get(key) as T | undefined;
  if (!found) {
    found = make();
    kept.set(key, found);
  }
  return found;
}

/** "10 January 2027", in UTC. */
export const longDateFormat = (language: Language) =>
  keep(`date ${language}`, () => new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }));

/** "10 January 2027 at 10:00", in UTC. */
export const dateTimeFormat = (language: Language) =>
  keep(
    `date-time ${language}`,
    () => new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
  );

/**
 * French as it is printed: the first of the month is « 1er » and a time reads « 0 h 19 »
 * (Intl writes « 1 décembre » and « 00:19 »). Other languages pass through.
 */
export function typeset(text: string, language: Language): string {
  if (language !== 'fr') return text;
  return text
    .replace(/(^|\s)1 (?=\p{L})/u, '$11er ')
    .replace(
      /\b(\d{1,2}):(\d{2})\b/g,
      (_, hours: string, minutes: string) => `${Number(hours)}\u00a0h\u00a0${minutes}`,
    );
}

/** Country names from ISO codes. */
export const regionNames = (language: Language) =>
  keep(`region ${language}`, () => new Intl.DisplayNames([language], { type: 'region' }));
