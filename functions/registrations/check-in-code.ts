/**
 * The code attendees show at the desk: 8 characters of Crockford's base32 (no I, L, O or U),
 * 40 random bits, read back case-insensitively with the usual look-alikes forgiven.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CHECK_IN_CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

export function newCheckInCode(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 8; i += 1) {
    code = (ALPHABET[Number(bits & 31n)] ?? '0') + code;
    bits >>= 5n;
  }
  return code;
}

/** What a person typed or a scanner read, as stored: upper case, look-alikes mapped, no separators. */
export function normaliseCheckInCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
