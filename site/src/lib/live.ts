/**
 * Live state and price of a registration category, shared by the build (home page, form) and
 * the small scripts that refresh them from GET /api/events/{id}. No locale data and no zod:
 * islands import it.
 */
import type { PublicCategory } from './api-types.ts';

export type CategoryState = 'open' | 'few-left' | 'waitlist' | 'full' | 'closed' | 'not-yet-open';
export type Price = { amount: number; currency: string };
export type PaymentStatus = 'due' | 'paid' | 'waived';
export type Payment = { status: PaymentStatus; amount: number; currency: string; reference: string; dueDate: string };

/** A public category as the API serves it: `state` and `price` come with the paid-categories API. */
export type LiveCategory = PublicCategory & { state?: CategoryState; price?: Price | null };

/** The category's state: the API's own when it sends one, else worked out from the same fields. */
export function stateOf(c: LiveCategory, now = Date.now()): CategoryState {
  if (c.state) return c.state;
  if (!c.open) return c.opensAt && Date.parse(c.opensAt) > now ? 'not-yet-open' : 'closed';
  if (c.available <= 0) return c.waitlist ? 'waitlist' : 'full';
  return c.available <= Math.max(5, Math.ceil(c.capacity * 0.1)) ? 'few-left' : 'open';
}

/** Categories the public may register in: booth staff are named by their exhibitor in the portal. */
export const forThePublic = <C extends { audience?: string | null }>(categories: C[]): C[] =>
  categories.filter((c) => c.audience !== 'exhibitor-staff');

/** Whether a new registration can choose this category (a waiting list counts). */
export const canChoose = (state: CategoryState) => state === 'open' || state === 'few-left' || state === 'waitlist';

const locales: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };

/** An amount in minor units, in the page's language: "€450.00" / "450,00 €". */
export function formatMoney(price: Price, lang: string): string {
  const format = new Intl.NumberFormat(locales[lang] ?? lang, { style: 'currency', currency: price.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(price.amount / 10 ** digits);
}
