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
 * Minor units from a bank's amount text: "450.00", "450,00", "450", "1 234.50", "1,234.50",
 * "1.234,50". The last separator is the decimal one when at most the currency's digits
 * follow it (three digits after it group thousands, unless the currency has three
 * decimals). Returns undefined for anything else (a negative amount, letters, bad groups).
 */
export function parseAmount(text: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  let value = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (value.startsWith('+')) value = value.slice(1);
  if (!/^\d[\d.,]*$/.test(value)) return undefined;
  let whole = value;
  let fraction = '';
  const last = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','));
  if (last >= 0) {
    const after = value.slice(last + 1);
    const groupsThousands = after.length === 3 && digits < 3;
    if (!groupsThousands) {
      if (after.length === 0 || after.length > digits) return undefined;
      whole = value.slice(0, last);
      fraction = after;
    }
  }
  if (!/^(\d{1,3}([.,]\d{3})*|\d+)$/.test(whole)) return undefined;
  return Number(whole.replace(/[.,]/g, '')) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
