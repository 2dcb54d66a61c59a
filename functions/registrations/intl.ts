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

/** Country names from ISO codes. */
export const regionNames = (language: Language) =>
  keep(`region ${language}`, () => new Intl.DisplayNames([language], { type: 'region' }));
