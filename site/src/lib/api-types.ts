/**
 * The one door from the site to the API's shared zod schemas. Islands import types from here
 * with `import type`, so no zod code reaches their bundles; when functions/core/schemas.ts is
 * split by context, only this file changes.
 */
import type { z } from 'zod';
import type { Category, Me as MeSchema, Registration } from '../../../functions/core/schemas.ts';

export type {
  Bilingual,
  Category,
  Language,
  Member,
  ProblemDetails,
  PublicCategory,
  Registration,
  RegistrationStatus,
  SponsorProfile,
} from '../../../functions/core/schemas.ts';

/**
 * Schemas (and their types) used at run time: the build's reads of published data (lib/api.ts),
 * and the registration form, which validates with the API's own schema.
 */
export { EventDetail, EventSummary, RegistrationInput } from '../../../functions/core/schemas.ts';

/** GET /api/me: the signed-in caller. */
export type Me = z.infer<typeof MeSchema>;

// Response shapes that functions/registrations/routes.ts declares inline, not in the shared schemas.

/** GET /api/events/{eventId}/registrations: one page. */
export type RegistrationPage = { items: Registration[]; nextCursor: string | null };

/** GET /api/events/{eventId}/registrations/stats. */
export type RegistrationStats = {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, Record<string, number>>;
  byCountry: Record<string, number>;
  byDay: { day: string; count: number }[];
};

/** GET /api/registrations/{id}/export: everything held about the attendee. */
export type RegistrationExport = {
  registration: Registration;
  sensitive: { dietaryNeeds?: string; accessibilityNeeds?: string };
  exportedAt: string;
};

/** PATCH /api/events/{eventId}/categories/{categoryId}: the category, and how many left the waiting list. */
export type CategoryUpdate = Category & { promoted: number };
