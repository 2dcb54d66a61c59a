/**
 * The shape every locale module must have: the English module's keys, with each text widened
 * to `string` and still required to carry the English text's `{placeholders}`. A French module
 * with a missing key, an extra key or a lost placeholder fails the typecheck.
 */
import type { en } from './en.ts';

/** The `{name}` placeholders of a template, as a union. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type AllOf<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Any text that contains every placeholder of the English template. */
type Translation<S extends string> = [Placeholders<S>] extends [never]
  ? string
  : AllOf<Placeholders<S> extends infer P extends string ? `${string}{${P}}${string}` : never>;

/** Locale modules hold data only (texts and plural forms), so any part can be sent to an island as JSON. */
export type Localised<T> = T extends string
  ? Translation<T>
  : T extends (...args: never[]) => unknown
    ? never
    : { readonly [K in keyof T]: Localised<T[K]> };

export type UiStrings = Localised<typeof en>;

/** Forms of a text that depends on a count, chosen by the language's plural rules (see plural()). */
export type Plural = { readonly one: string; readonly other: string };
