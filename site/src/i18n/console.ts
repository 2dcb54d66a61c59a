/** The console's texts by language (build time; the console island gets one language as JSON). */
import type { Language } from '../lib/api-types.ts';
import { type ConsoleStrings, consoleEn } from './console.en.ts';
import { consoleFr } from './console.fr.ts';

export type { ConsoleStrings } from './console.en.ts';

export function consoleText(lang: Language): ConsoleStrings {
  return lang === 'fr' ? consoleFr : consoleEn;
}
