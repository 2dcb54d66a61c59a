/**
 * Shared primitives: ids, languages, bilingual text, countries, dates and the problem
 * body. Each context owns the schemas of its own entities and requests (its `schemas.ts`);
 * the API validates with them, the OpenAPI document is generated from them, and the site
 * imports them for its forms. Types come from schemas, never hand-written.
 */
import * as z from 'zod/mini';
import { COUNTRY_CODES } from './countries.ts';
import { meta } from './zod.ts';

export const Id = meta(
  z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use 1-64 lower-case letters, digits or dashes')),
  {
    description: 'Identifier: lower-case letters, digits and dashes',
    example: 'citce-2027',
  },
);

export const Language = z.enum(['en', 'fr']);
export type Language = z.infer<typeof Language>;

/**
 * Free text. Whatever people type reaches official mail, the console, CSV exports and the
 * public site, so every free-text field is one of the three helpers below: no C0 or C1
 * control characters (a multi-line text keeps line feeds and tabs), no bidi overrides or
 * isolates, no line break on one line; a person name also refuses anything a mail client
 * would turn into a link or a number to call. The messages are shown next to the field.
 */
export const TEXT_ERRORS = {
  oneLine: 'Must be on one line',
  control: 'Must not contain control characters',
  unicode: 'Must be well-formed Unicode text',
  bidi: 'Must not contain invisible text-direction characters',
  link: 'Must not contain a web address, email address or domain name',
  nameCharacters: 'Use letters, spaces, apostrophes, hyphens, dots and commas only',
} as const;

const isLineBreak = (code: number) => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
const isControl = (code: number) => code <= 0x1f || (code >= 0x7f && code <= 0x9f);
/** LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: they reorder what the reader sees. */
const isBidiControl = (code: number) => (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);

function textProblem(value: string, multiLine: boolean): string | undefined {
  // A lone surrogate (possible only in hand-written JSON) is stored as sent but exported as U+FFFD.
  if (!value.isWellFormed()) return TEXT_ERRORS.unicode;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (multiLine && (code === 0x0a || code === 0x09)) continue;
    if (!multiLine && isLineBreak(code)) return TEXT_ERRORS.oneLine;
    if (isControl(code)) return TEXT_ERRORS.control;
    if (isBidiControl(code)) return TEXT_ERRORS.bidi;
  }
  return undefined;
}

const dot = '[.\u3002\uFF0E\uFF61]'; // full stops a browser reads as a dot in a domain
const LINK = [
  /:\/\/|\/\//, // any scheme, or protocol-relative
  /\b(?:https?|ftp|mailto|javascript|data|file|tel|sms)\s*:/i,
  new RegExp(`\\bwww\\s*${dot}`, 'i'),
  /\S@\S/, // an email address
  new RegExp(`[\\p{L}\\p{N}]${dot}[\\p{L}\\p{N}]{2,}`, 'u'), // example.com (initials as "J.R." pass)
];
/**
 * Letters and marks of any script, spaces, and the punctuation of names: apostrophes, hyphens,
 * dots, commas, middle dots, Hebrew geresh and gershayim, and the joiners and direction marks
 * Persian, Arabic and Hebrew names need. No digits, so no phone number either.
 */
const NAME = /^[\p{L}\p{M}\p{Zs}'\u2018\u2019.,\-\u2010\u2011\u00B7\u30FB\u05F3\u05F4\u200C-\u200F\u061C]*$/u;

function nameProblem(value: string): string | undefined {
  if (LINK.some((pattern) => pattern.test(value))) return TEXT_ERRORS.link;
  if (!NAME.test(value)) return TEXT_ERRORS.nameCharacters;
  return undefined;
}

const text = (multiLine: boolean, max: number, extra?: (value: string) => string | undefined) =>
  z.string().check(
    z.overwrite((value) => (multiLine ? value.replace(/\r\n?|[\u2028\u2029]/g, '\n') : value)),
    z.trim(),
    z.maxLength(max),
    z.superRefine((value, ctx) => {
      const message = textProblem(value, multiLine) ?? extra?.(value);
      if (message) ctx.addIssue(message);
    }),
  );

/** Text on one line: a title, an organisation, an address. */
export const oneLineText = ({ max }: { max: number }) => text(false, max);

/** Text over several lines (CR LF becomes LF): needs, descriptions. */
export const multiLineText = ({ max }: { max: number }) => text(true, max);

/** The name of a person (first name, last name, a contact): one line, no link, no digits. */
export const personName = ({ max = 100 }: { max?: number } = {}) => text(false, max, nameProblem);

const bilingual = (line: (options: { max: number }) => z.ZodMiniString, description: string) =>
  meta(
    z.strictObject({
      en: line({ max: 2000 }).check(z.minLength(1)),
      fr: z.optional(line({ max: 2000 }).check(z.minLength(1))),
    }),
    { description },
  );

/** A short public line (a city, a job title) in English, with its French form when it differs. */
export const bilingualLine = ({ max, description }: { max: number; description: string }) =>
  meta(
    z.strictObject({
      en: oneLineText({ max }).check(z.minLength(1)),
      fr: z.optional(oneLineText({ max }).check(z.minLength(1))),
    }),
    { description },
  );

/** Public text on one line (names, taglines, fees): English always, French when translated. */
export const Bilingual = bilingual(oneLineText, 'Text on one line in English, with an optional French translation');
export type Bilingual = z.infer<typeof Bilingual>;

/** Public text over several lines (descriptions): English always, French when translated. */
export const BilingualText = bilingual(
  multiLineText,
  'Text in English, with an optional French translation; line breaks are kept',
);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export const TimeZone = meta(
  z.string().check(z.refine(isTimeZone, 'Must be an IANA time zone such as Europe/Brussels')),
  {
    description: 'IANA time zone of the venue',
    example: 'Europe/Brussels',
  },
);

const countries = new Set<string>(COUNTRY_CODES);

export const CountryCode = meta(
  z.string().check(z.refine((code) => countries.has(code), 'Must be an ISO 3166-1 alpha-2 country code')),
  { description: 'ISO 3166-1 alpha-2 country code', example: 'BE' },
);

export const IsoDate = meta(z.iso.date(), { description: 'Calendar date, YYYY-MM-DD', example: '2027-06-08' });
export const IsoDateTime = meta(z.iso.datetime({ offset: true }), {
  description: 'ISO 8601 date and time with an offset',
  example: '2027-06-08T09:00:00+02:00',
});

export const ProblemDetails = meta(
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.optional(z.string()),
    errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
  { description: 'RFC 9457 problem details' },
);
export type ProblemDetails = z.infer<typeof ProblemDetails>;
