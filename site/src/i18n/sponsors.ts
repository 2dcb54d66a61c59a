/** The sponsor texts of one language, for pages and components at build time. */
import type { Language } from '../lib/api-types.ts';
import { type SponsorStrings, sponsorsEn } from './sponsors.en.ts';
import { sponsorsFr } from './sponsors.fr.ts';

export type { SponsorStrings } from './sponsors.en.ts';

const strings: Record<Language, SponsorStrings> = { en: sponsorsEn, fr: sponsorsFr };

export function sponsorTexts(lang: Language): SponsorStrings {
  return strings[lang];
}
