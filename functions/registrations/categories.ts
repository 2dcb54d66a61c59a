/** Category rules: organisers' changes (what the public sees of a category is in category-view.ts). */
import { randomUUID } from 'node:crypto';
import type * as z from 'zod/mini';
import type { SiteRebuildRequest } from '../core/site-rebuild.ts';
import type { CategoryStore } from './category-store.ts';
import { withoutCounters } from './category-view.ts';
import type { Clock } from './deps.ts';
import { fillFreeSeats, type LifecycleDeps } from './lifecycle.ts';
import type { CategoryCreate, CategoryPatch } from './schemas.ts';

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
