/** The design system's texts by language (build time; islands get their part as JSON). */
import type { Language } from '../lib/api-types.ts';
import { type DesignStrings, designEn } from './design.en.ts';
import { designFr } from './design.fr.ts';

export type { DesignStrings } from './design.en.ts';

const strings: Record<Language, DesignStrings> = { en: designEn, fr: designFr };

export function design(lang: Language): DesignStrings {
  return strings[lang];
}
