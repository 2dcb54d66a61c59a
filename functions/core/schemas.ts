/**
 * Shared primitives: ids, languages, bilingual text, countries, dates and the problem
 * body. Each context owns the schemas of its own entities and requests (its `schemas.ts`);
 * the API validates with them, the OpenAPI document is generated from them, and the site
 * imports them for its forms. Types come from schemas, never hand-written.
 */
import { z } from 'zod';
import { COUNTRY_CODES } from './countries.ts';

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use 1-64 lower-case letters, digits or dashes')
  .meta({ description: 'Identifier: lower-case letters, digits and dashes', example: 'citce-2027' });

export const Language = z.enum(['en', 'fr']);
export type Language = z.infer<typeof Language>;

/** Public text: English always, French when translated. */
export const Bilingual = z
  .object({
    en: z.string().trim().min(1).max(2000),
    fr: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .meta({ description: 'Text in English, with an optional French translation' });
export type Bilingual = z.infer<typeof Bilingual>;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .refine(isTimeZone, 'Must be an IANA time zone such as Europe/Brussels')
  .meta({ description: 'IANA time zone of the venue', example: 'Europe/Brussels' });

const countries = new Set<string>(COUNTRY_CODES);

export const CountryCode = z
  .string()
  .refine((code) => countries.has(code), 'Must be an ISO 3166-1 alpha-2 country code')
  .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'BE' });

export const IsoDate = z.iso.date().meta({ description: 'Calendar date, YYYY-MM-DD', example: '2027-06-08' });
export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO 8601 date and time with an offset', example: '2027-06-08T09:00:00+02:00' });

export const ProblemDetails = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ description: 'RFC 9457 problem details' });
export type ProblemDetails = z.infer<typeof ProblemDetails>;
