/**
 * Amounts are integer minor units of an ISO 4217 currency (EUR 450.00 is 45000), never
 * floats: parsed from text digit by digit, formatted by Intl from a decimal string.
 */
import type { Language } from '../core/schemas.ts';
import type { Money } from './schemas.ts';

/** How many digits a currency has after the decimal point (EUR 2, JPY 0, KWD 3). */
export const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** "450.00" from 45000 EUR: the decimal text of an amount, exact. */
export function decimalText({ amount, currency }: Money): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amount);
  const padded = String(amount).padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** "EUR 450.00" / "450,00 EUR", as people read prices in each language. */
export function formatMoney(money: Money, language: Language): string {
  // Intl formats a decimal string exactly (no float on the way).
  const text = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: 'code',
  }).format(decimalText(money) as unknown as number);
  return text.replace(/\u00a0|\u202f/g, ' ');
}

/**
 * Minor units from a bank's amount text: "450.00", "450,00", "450", "1 234.50", "1,234.50".
 * Returns undefined for anything else (a negative amount, too many decimals, letters).
 */
export function parseAmount(text: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  let value = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (value.startsWith('+')) value = value.slice(1);
  // The last separator followed by 1..digits figures is the decimal one; others group thousands.
  const match = value.match(/^(\d{1,3}(?:[.,]\d{3})*|\d+)(?:[.,](\d+))?$/);
  if (!match) return undefined;
  const whole = (match[1] ?? '').replace(/[.,]/g, '');
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
