/**
 * How a stored category reads: open or not, its live state, its display fee, and what the
 * public sees of it. Pure functions, apart from the category use cases (categories.ts), so
 * the events context that shows categories loads only these.
 */
import type { Bilingual } from '../core/schemas.ts';
import type { Category, CategoryState, PublicCategory } from './category-schemas.ts';
import type { StoredCategory } from './keys.ts';
import { formatMoney } from './money.ts';

export function isCategoryOpen(category: Pick<StoredCategory, 'opensAt' | 'closesAt'>, now: Date): boolean {
  const t = now.getTime();
  if (category.opensAt && t < Date.parse(category.opensAt)) return false;
  if (category.closesAt && t >= Date.parse(category.closesAt)) return false;
  return true;
}

/**
 * The live state the site shows: not yet open, closed, full (joining the waiting list, or
 * not at all), few left (at most 5 seats, or at most 10 % of the capacity, free), or open.
 */
export function categoryState(
  category: Pick<StoredCategory, 'opensAt' | 'closesAt' | 'capacity' | 'taken' | 'waitlist'>,
  now: Date,
): CategoryState {
  const t = now.getTime();
  if (category.opensAt && t < Date.parse(category.opensAt)) return 'not-yet-open';
  if (category.closesAt && t >= Date.parse(category.closesAt)) return 'closed';
  const free = Math.max(0, category.capacity - category.taken);
  if (free === 0) return category.waitlist ? 'waitlist' : 'full';
  // Integers only: free ≤ 10 % of the capacity is free × 10 ≤ capacity.
  if (free <= FEW_LEFT_SEATS || free * 10 <= category.capacity) return 'few-left';
  return 'open';
}

/** "Few left" from this many free seats down (or 10 % of the capacity, whichever is more). */
export const FEW_LEFT_SEATS = 5;

/** The display fee: the organisers' text, or the price written out in each language. */
export const feeOf = (category: Pick<StoredCategory, 'fee' | 'price'>): Bilingual | undefined =>
  category.fee ??
  (category.price ? { en: formatMoney(category.price, 'en'), fr: formatMoney(category.price, 'fr') } : undefined);

/** A stored category without its counters and internal fields. */
export function withoutCounters(stored: StoredCategory): Category {
  const {
    taken: _taken,
    waiting: _waiting,
    waitSeq: _waitSeq,
    sortOrder: _sortOrder,
    checkedIn: _checkedIn,
    ...category
  } = stored;
  return category;
}

export function toPublicCategory(stored: StoredCategory, now: Date): PublicCategory {
  const category = withoutCounters(stored);
  const fee = feeOf(category);
  return {
    ...category,
    ...(fee ? { fee } : {}),
    available: Math.max(0, category.capacity - stored.taken),
    open: isCategoryOpen(category, now),
    state: categoryState(stored, now),
  };
}
