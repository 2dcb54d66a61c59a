/**
 * Texts and formatting for pages and components, at build time. Islands do not import this
 * module (it holds both languages): their component hands them their section of one locale.
 */
import { COUNTRY_CODES } from '../../../functions/core/countries.ts';
import type { Language } from '../lib/api-types.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { UiStrings } from './types.ts';

export { fill, localized, plural } from './format.ts';
export type { UiStrings } from './types.ts';

export const languages = ['en', 'fr'] as const satisfies readonly Language[];

export type Section = keyof UiStrings['sections'];
/** The sections of the site, in the order of the main navigation. */
export const sections = [
  'programme',
  'speakers',
  'exhibition',
  'register',
  'registration',
  'my-agenda',
  'portal',
  'console',
] as const satisfies readonly Section[];

const strings: Record<Language, UiStrings> = { en, fr };

export function t(lang: Language): UiStrings {
  return strings[lang];
}

const locales: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };

/** A date range such as "8–10 June 2027" / "8–10 juin 2027"; dates are the venue's calendar days. */
export function formatDateRange(startDate: string, endDate: string, lang: Language): string {
  const format = new Intl.DateTimeFormat(locales[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(new Date(`${startDate}T00:00:00Z`), new Date(`${endDate}T00:00:00Z`));
}

export function countryName(code: string, lang: Language): string {
  return new Intl.DisplayNames([locales[lang]], { type: 'region' }).of(code) ?? code;
}

/** Every country a registration accepts, by name in the language's order: a select's options. */
export function countryOptions(lang: Language): { code: string; name: string }[] {
  const collator = new Intl.Collator(lang);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((x, y) =>
    collator.compare(x.name, y.name),
  );
}
