/** Category rules: when one is open, what the public sees of it, and organisers' changes. */
import { randomUUID } from 'node:crypto';
import type * as z from 'zod/mini';
import type { Bilingual } from '../core/schemas.ts';
import type { SiteRebuildRequest } from '../core/site-rebuild.ts';
import type { CategoryStore } from './category-store.ts';
import type { Clock } from './deps.ts';
import type { StoredCategory } from './keys.ts';
import { fillFreeSeats, type LifecycleDeps } from './lifecycle.ts';
import { formatMoney } from './money.ts';
import type { Category, CategoryCreate, CategoryPatch, CategoryState, PublicCategory } from './schemas.ts';

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

/** A category id made from its English name when the organiser gives none. */
export const categoryIdFrom = (englishName: string) =>
  englishName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48) || 'category';

/** The public pages list the categories: a change asks for a rebuild, in the same transaction. */
const rebuildRequest = (deps: { now: Clock }, eventId: string): SiteRebuildRequest => ({
  id: randomUUID(),
  eventId,
  reason: 'categories-changed',
  requestedAt: deps.now().toISOString(),
});

export type CategoryDeps = { categories: Pick<CategoryStore, 'createCategory' | 'updateCategory'>; now: Clock };

export async function createCategory(deps: CategoryDeps, eventId: string, input: z.infer<typeof CategoryCreate>) {
  const { id, ...fields } = input;
  const category = { id: id ?? categoryIdFrom(fields.name.en), ...fields };
  // Creation time orders the categories as the organisers added them.
  await deps.categories.createCategory(eventId, category, deps.now().getTime(), rebuildRequest(deps, eventId));
  return category;
}

/** Changes a category; seats it gains go at once to the people waiting, in order. */
export async function updateCategory(
  deps: CategoryDeps & LifecycleDeps,
  eventId: string,
  categoryId: string,
  patch: z.infer<typeof CategoryPatch>,
) {
  const updated = await deps.categories.updateCategory(eventId, categoryId, patch, rebuildRequest(deps, eventId));
  const promoted = await fillFreeSeats(deps, eventId, categoryId);
  return { ...withoutCounters(updated), promoted };
}
