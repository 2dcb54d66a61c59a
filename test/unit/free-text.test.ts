/**
 * Free text that people type ends up in official mail, the console, CSV exports and the
 * public site. Every free-text field of every context refuses control characters, bidi
 * overrides and (on one line) line breaks; person names also refuse links and domains, so
 * nobody can write a phishing line into a confirmation mail through their first name.
 */
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { Bilingual } from '../../functions/core/schemas.ts';
import { Venue } from '../../functions/events/schemas.ts';
import { CategoryCreate, RegistrationInput } from '../../functions/registrations/schemas.ts';
import { Contact, Product, SponsorCreate, SponsorProfileInput } from '../../functions/sponsors/schemas.ts';
import { registrationsApp } from '../support/apps.ts';

const message = {
  oneLine: 'Must be on one line',
  control: 'Must not contain control characters',
  unicode: 'Must be well-formed Unicode text',
  bidi: 'Must not contain invisible text-direction characters',
  link: 'Must not contain a web address, email address or domain name',
  nameCharacters: 'Use letters, spaces, apostrophes, hyphens, dots and commas only',
};

type Field = z.ZodMiniType<unknown>;

const names: Record<string, Field> = {
  'registration first name': RegistrationInput.shape.firstName,
  'registration last name': RegistrationInput.shape.lastName,
  'sponsor contact name': Contact.shape.name,
};

const oneLine: Record<string, Field> = {
  ...names,
  'registration organisation': RegistrationInput.shape.organisation,
  'registration job title': RegistrationInput.shape.jobTitle,
  'product name': Product.shape.name.shape.en,
  'sponsor name': SponsorCreate.shape.name,
  'sponsor booth': SponsorCreate.shape.booth,
  'venue address': Venue.shape.address,
  'venue city (English)': Venue.shape.city.shape.en,
  'venue city (French)': Venue.shape.city.shape.fr,
  'venue name (English)': Venue.shape.name.shape.en,
  'bilingual text (French)': Bilingual.shape.fr,
  'category name (English)': CategoryCreate.shape.name.shape.en,
  'category fee (English)': CategoryCreate.shape.fee.def.innerType.shape.en,
};

const multiLine: Record<string, Field> = {
  'dietary needs': RegistrationInput.shape.dietaryNeeds,
  'accessibility needs': RegistrationInput.shape.accessibilityNeeds,
  'sponsor description (English)': SponsorProfileInput.shape.description.def.innerType.shape.en,
  'sponsor description (French)': SponsorProfileInput.shape.description.def.innerType.shape.fr,
  'product description (English)': Product.shape.description.def.innerType.shape.en,
  'category description (English)': CategoryCreate.shape.description.def.innerType.shape.en,
};

const everyField = { ...oneLine, ...multiLine };

/** The messages a value gets, or the value it becomes. */
function outcome(field: Field, value: string) {
  const result = field.safeParse(value);
  return result.success ? { value: result.data } : { messages: result.error.issues.map((i) => i.message) };
}

const controls: [string, string][] = [
  ['NUL', 'Ana\u0000Silva'],
  ['BEL', 'Ana\u0007'],
  ['backspace', 'Ana\u0008x'],
  ['vertical tab', 'Ana\u000bSilva'],
  ['form feed', 'Ana\u000cSilva'],
  ['an ANSI colour sequence', '\u001b[31mAna'],
  ['an ANSI cursor sequence', 'Ana\u001b[2J\u001b[H'],
  ['unit separator', 'Ana\u001fSilva'],
  ['DEL', 'Ana\u007f'],
  ['C1 NEL (U+0085)', 'Ana\u0085Silva'],
  ['C1 CSI (U+009B)', 'Ana\u009b31m'],
  ['C1 APC (U+009F)', 'Ana\u009fSilva'],
];

const bidi: [string, string][] = [
  ['LRE (U+202A)', 'Ana\u202aSilva'],
  ['RLE (U+202B)', 'Ana\u202bSilva'],
  ['PDF (U+202C)', 'Ana\u202cSilva'],
  ['LRO (U+202D)', 'Ana\u202dSilva'],
  ['RLO (U+202E)', 'invoice\u202efdp.exe'],
  ['LRI (U+2066)', 'Ana\u2066Silva'],
  ['RLI (U+2067)', 'Ana\u2067Silva'],
  ['FSI (U+2068)', 'Ana\u2068Silva'],
  ['PDI (U+2069)', 'Ana\u2069Silva'],
];

const lineBreaks: [string, string][] = [
  ['LF', 'customer,\n\nURGENT'],
  ['CR LF', 'Ana\r\nSilva'],
  ['CR', 'Ana\rSilva'],
  ['line separator (U+2028)', 'Ana\u2028Silva'],
  ['paragraph separator (U+2029)', 'Ana\u2029Silva'],
];

const links: [string, string][] = [
  ['an https URL', 'customer, URGENT pay at https://pay.example/now'],
  ['an http URL in capitals', 'HTTP://EVIL.EXAMPLE'],
  ['a protocol-relative URL', '//evil.example'],
  ['a scheme without slashes', 'mailto:pay@evil.example'],
  ['a javascript: URL', 'javascript:alert(1)'],
  ['www.', 'www.evil-bank.example'],
  ['a bare domain', 'Ana evil.com'],
  ['a domain with a path', 'pay at evilbank.co/pay'],
  ['a domain written with an ideographic full stop', 'evil\u3002com'],
  ['a domain written with a fullwidth full stop', 'evil\uff0ecom'],
  ['an email address', 'write to refunds@evil.example'],
];

const internationalNames = [
  'Zoë',
  'Nguyễn Thị Minh Khai',
  "O'Brien-Smith",
  'O’Brien',
  'José María',
  'Ng',
  'محمد بن راشد',
  '王小明',
  'J. R. Smith',
  'J.R.R. Tolkien',
  'Jean-Luc Picard',
  'Søren Kierkegaard',
  'Łukasz Żółć',
  'Þórunn Guðmundsdóttir',
  'Ōtsuka Ryūnosuke',
  'Дмитрий Иванов',
  'Αλέξανδρος',
  'שרה לוי',
  'देवनागरी नाम',
  'สมชาย ใจดี',
  '김민준',
  'ジョン・スミス',
  'Martin Luther King, Jr.',
  'Kawikaʻala',
  'Mohammad Ali\u200c Rezaei',
];

describe('free text in every context', () => {
  describe.each(Object.entries(everyField))('%s', (_name, field) => {
    it.each(controls)('refuses %s', (_label, value) => {
      expect(outcome(field, value)).toEqual({ messages: [message.control] });
    });

    it.each(bidi)('refuses the bidi control %s', (_label, value) => {
      expect(outcome(field, value)).toEqual({ messages: [message.bidi] });
    });

    // Only hand-written JSON sends one; CSV exports would turn it into U+FFFD.
    it.each([
      ['a lone high surrogate', 'Ana \ud800 Silva'],
      ['a lone low surrogate', 'Ana\udc00'],
      ['two high surrogates', '\ud83d\ud83d'],
    ])('refuses %s', (_label, value) => {
      expect(outcome(field, value)).toEqual({ messages: [message.unicode] });
    });
  });

  describe.each(Object.entries(oneLine))('%s (one line)', (_name, field) => {
    it.each(lineBreaks)('refuses %s', (_label, value) => {
      expect(outcome(field, value)).toEqual({ messages: [message.oneLine] });
    });

    it('refuses a tab inside', () => {
      expect(outcome(field, 'Ana\tSilva')).toEqual({ messages: [message.control] });
    });

    it('trims spaces and a final line break', () => {
      expect(outcome(field, '  Ana Silva \n')).toEqual({ value: 'Ana Silva' });
    });
  });

  describe.each(Object.entries(multiLine))('%s (several lines)', (_name, field) => {
    it('keeps line feeds and tabs', () => {
      expect(outcome(field, 'No nuts\n\tnor shellfish')).toEqual({ value: 'No nuts\n\tnor shellfish' });
    });

    it('turns CR LF, a lone CR and Unicode line separators into line feeds', () => {
      expect(outcome(field, 'one\r\ntwo\rthree\u2028four\u2029five')).toEqual({
        value: 'one\ntwo\nthree\nfour\nfive',
      });
    });

    it('accepts a web address (a sponsor describes its products with one)', () => {
      expect(outcome(field, 'See https://northwind.example.com/products')).toEqual({
        value: 'See https://northwind.example.com/products',
      });
    });
  });

  describe.each(Object.entries(names))('%s (a person name)', (_name, field) => {
    it.each(links)('refuses %s', (_label, value) => {
      expect(outcome(field, value)).toEqual({ messages: [message.link] });
    });

    it.each([
      ['digits (a phone number)', 'customer call 0800 555 0100'],
      ['fullwidth digits', 'call ０８００'],
      ['a colon', 'URGENT: pay now'],
      ['markup', 'Ana <b>Silva</b>'],
      ['a formula', '=HYPERLINK("x")'],
      ['an emoji', 'Ana 💸'],
    ])('refuses %s', (_label, value) => {
      expect(outcome(field, value)).toEqual({ messages: [message.nameCharacters] });
    });

    it.each(internationalNames)('accepts %s', (value) => {
      expect(outcome(field, value)).toEqual({ value });
    });
  });

  it('lets one-line text that is not a name carry a domain (Example.com Ltd, a web agency)', () => {
    expect(outcome(RegistrationInput.shape.organisation, 'Example.com Ltd')).toEqual({ value: 'Example.com Ltd' });
  });
});

describe('a sign-up with unsafe text', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  beforeEach(() => ddb.reset());
  afterAll(() => ddb.restore());

  const signUp = (change: Record<string, unknown>) =>
    registrationsApp().request('/api/events/e1/registrations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'unsafe-text-1' },
      body: JSON.stringify({
        categoryId: 'cat',
        firstName: 'Ana',
        lastName: 'Silva',
        email: 'ana@example.org',
        organisation: 'Customs',
        country: 'PT',
        consent: { privacy: true },
        ...change,
      }),
    });

  it.each([
    ['a NUL in the last name', { lastName: 'Silva\u0000' }, 'lastName', message.control],
    [
      'a URL in the first name',
      { firstName: 'customer, URGENT pay at https://pay.example/now' },
      'firstName',
      message.link,
    ],
    ['a line break in the first name', { firstName: 'customer,\n\nURGENT' }, 'firstName', message.oneLine],
    ['an RLO in the organisation', { organisation: 'Customs\u202e' }, 'organisation', message.bidi],
    ['a lone surrogate in the organisation', { organisation: 'Customs \ud800' }, 'organisation', message.unicode],
  ])('answers 422 to %s and writes nothing', async (_label, change, path, text) => {
    const response = await signUp(change);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 422,
      body: {
        type: '/problems/validation',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'The request json is not valid.',
        errors: [{ path, message: text }],
      },
    });
    expect(ddb.commandCalls(TransactWriteCommand)).toEqual([]);
    expect(ddb.calls()).toEqual([]);
  });
});
