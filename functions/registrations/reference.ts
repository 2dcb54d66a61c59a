/**
 * Payment references: ISO 11649 creditor references ("RF" + 2 check digits + the body),
 * printed in groups of four and matched whatever the case and spacing. The body is 12
 * characters of Crockford's base32 (no I, L, O or U), 60 random bits: unique per
 * registration (a lock item guards it, keys.ts), hard to mistype, impossible to guess.
 * The same ISO 7064 mod 97-10 check validates IBANs.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_BODY_LENGTH = 12;
/** A whole reference, normalised: RF, two digits, the body. */
const REFERENCE = new RegExp(`^RF\\d{2}[0-9A-Z]{${REFERENCE_BODY_LENGTH}}$`);

/** The remainder mod 97 of a string whose letters count as 10 (A) to 35 (Z), digit by digit (no big numbers). */
export function mod97(value: string): number {
  let rest = 0;
  for (const char of value) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}

/** The creditor reference of a body: check digits are 98 − (body + "RF00") mod 97. */
export function creditorReference(body: string): string {
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** A new random reference (normalised, no spaces). */
export function newPaymentReference(): string {
  const bytes = randomBytes(8);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let body = '';
  for (let i = 0; i < REFERENCE_BODY_LENGTH; i += 1) {
    body += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return creditorReference(body);
}

/** What a person or a bank wrote, as stored: upper case, no spaces or dashes. */
export const normaliseReference = (input: string) => input.toUpperCase().replace(/[\s-]/g, '');

/** Whether a (normalised or not) reference is a well-formed creditor reference with valid check digits. */
export function isValidReference(input: string): boolean {
  const ref = normaliseReference(input);
  return REFERENCE.test(ref) && mod97(`${ref.slice(4)}${ref.slice(0, 4)}`) === 1;
}

/** For print: groups of four, "RF71 C27K 4M2P 9XQ0". */
export const formatReference = (ref: string) => normaliseReference(ref).replace(/(.{4})(?=.)/g, '$1 ');

/** Every valid reference written in a text (a bank's remittance line), spaces and case ignored. */
export function referencesIn(text: string): string[] {
  const squeezed = normaliseReference(text);
  const length = 4 + REFERENCE_BODY_LENGTH;
  const found = new Set<string>();
  for (let i = squeezed.indexOf('RF'); i >= 0; i = squeezed.indexOf('RF', i + 1)) {
    const candidate = squeezed.slice(i, i + length);
    if (isValidReference(candidate)) found.add(candidate);
  }
  return [...found];
}

/** ISO 13616: country, check digits, then the account; valid when (rest + first four) mod 97 is 1. */
export function isValidIban(input: string): boolean {
  const iban = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  return mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) === 1;
}
