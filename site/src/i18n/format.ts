/** Filling in the locale modules' texts; small and free of locale data, so islands may import it. */
import type { Plural } from './types.ts';

/** A French word that elides "de" before it: a vowel sound (a mute h is not guessed). */
const ELIDES = /^[aeiouyàâäéèêëîïôöùûü]/i;

/**
 * The template with each `{name}` replaced by its value (unknown names are left as they are).
 * French "de {name}" elides before a vowel ("Séances d’Amara Diallo", "Heures d’Ottawa"):
 * only the French texts say "de" before a value.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template
    .replace(/\b([Dd])e \{(\w+)\}/g, (whole, d: string, name: string) =>
      name in values && ELIDES.test(String(values[name])) ? `${d}’{${name}}` : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The form for the count `n` in the language's plural rules (French: 0 and 1 are singular), with `{n}` filled in. */
export function plural(lang: string, forms: Plural, n: number, values: Record<string, string | number> = {}): string {
  return fill(new Intl.PluralRules(lang).select(n) === 'one' ? forms.one : forms.other, { n, ...values });
}

/**
 * French text as French typography sets it: the space an author typed before « : ; ? ! » or
 * inside « » becomes a narrow no-break space, so no line starts with the sign.
 */
export const frenchSpacing = (text: string) => text.replace(/ ([:;?!»])/g, '\u202f$1').replace(/« /g, '«\u202f');

/** The text in the reader's language, falling back to English when not translated. */
export function localized(text: { en: string; fr?: string | undefined }, lang: string): string {
  return lang === 'fr' && text.fr !== undefined ? frenchSpacing(text.fr) : text.en;
}
