/** Category rules: when one is open, what the public sees of it, and organisers' changes. */

import type { z } from 'zod';
import type { CategoryStore } from './category-store.ts';
import type { Clock } from './deps.ts';
import type { StoredCategory } from './keys.ts';
import { fillFreeSeats, type LifecycleDeps } from './lifecycle.ts';
import type { CategoryCreate, CategoryPatch, PublicCategory } from './schemas.ts';

export function isCategoryOpen(category: Pick<StoredCategory, 'opensAt' | 'closesAt'>, now: Date): boolean {
  const t = now.getTime();
  if (category.opensAt && t < Date.parse(category.opensAt)) return false;
  if (category.closesAt && t >= Date.parse(category.closesAt)) return false;
  return true;
}

export function toPublicCategory(stored: StoredCategory, now: Date): PublicCategory {
  const { taken, waiting: _waiting, waitSeq: _waitSeq, sortOrder: _sortOrder, ...category } = stored;
  return { ...category, available: Math.max(0, category.capacity - taken), open: isCategoryOpen(category, now) };
}

/** A category id made from its English name when the organiser gives none. */
export const categoryIdFrom = (englishName: string) =>
  englishName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48) || 'category';

export type CategoryDeps = { categories: Pick<CategoryStore, 'createCategory' | 'updateCategory'>; now: Clock };

export async function createCategory(deps: CategoryDeps, eventId: string, input: z.infer<typeof CategoryCreate>) {
  const { id, ...fields } = input;
  const category = { id: id ?? categoryIdFrom(fields.name.en), ...fields };
  // Creation time orders the categories as the organisers added them.
  await deps.categories.createCategory(eventId, category, deps.now().getTime());
  return category;
}

/** Changes a category; seats it gains go at once to the people waiting, in order. */
export async function updateCategory(
  deps: CategoryDeps & LifecycleDeps,
  eventId: string,
  categoryId: string,
  patch: z.infer<typeof CategoryPatch>,
) {
  const updated = await deps.categories.updateCategory(eventId, categoryId, patch);
  const promoted = await fillFreeSeats(deps, eventId, categoryId);
  const { taken: _t, waiting: _w, waitSeq: _s, sortOrder: _o, ...category } = updated;
  return { ...category, promoted };
}
