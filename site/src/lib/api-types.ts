/**
 * The one door from the site to the API's shared zod schemas. Islands import types from here
 * with `import type`, so no zod code reaches their bundles; each context owns its schemas
 * (functions/<context>/schemas.ts), and only this file knows where they live.
 */
import type * as z from 'zod/mini';
import type { Me as MeSchema } from '../../../functions/identity/schemas.ts';
import type { DeskAnswer as DeskAnswerSchema } from '../../../functions/registrations/desk-routes.ts';
import type { Category, Registration } from '../../../functions/registrations/schemas.ts';

export type {
  AgendaDraft,
  AgendaVersion,
  AgendaWarning,
  ChangeEntry,
  Changelog,
  PersonalAgenda,
  Room,
  Session,
  SessionType,
  Speaker,
  Track,
} from '../../../functions/agenda/schemas.ts';
/** The published agenda (the build reads it with this schema) and the shapes the agenda editor handles. */
export { PublishedAgenda } from '../../../functions/agenda/schemas.ts';
export type { Bilingual, Language, ProblemDetails } from '../../../functions/core/schemas.ts';
/**
 * Schemas (and their types) used at run time: the build's reads of published data (lib/api.ts),
 * and the registration form, which validates with the API's own schema.
 */
export { EventDetail, EventSummary } from '../../../functions/events/schemas.ts';
export type {
  Category,
  PublicCategory,
  Registration,
  RegistrationStatus,
} from '../../../functions/registrations/schemas.ts';
export { RegistrationInput } from '../../../functions/registrations/schemas.ts';
export type { Member, SponsorProfile } from '../../../functions/sponsors/schemas.ts';

/** GET /api/me: the signed-in caller. */
export type Me = z.infer<typeof MeSchema>;

/** POST /api/events/{eventId}/check-in: what the desk sees. */
export type DeskAnswer = z.infer<typeof DeskAnswerSchema>;

// Response shapes that functions/registrations/routes.ts declares inline, not in the shared schemas.

/** GET /api/events/{eventId}/registrations: one page. */
export type RegistrationPage = { items: Registration[]; nextCursor: string | null };

/** GET /api/events/{eventId}/registrations/stats. */
export type { RegistrationStats } from '../../../functions/registrations/stats.ts';

/** GET /api/registrations/{id}/export: everything held about the attendee. */
export type RegistrationExport = {
  registration: Registration;
  sensitive: { dietaryNeeds?: string; accessibilityNeeds?: string };
  firstResponse: unknown;
  mail: { to: string; subject: string; text: string }[];
  exportedAt: string;
};

/** PATCH /api/events/{eventId}/categories/{categoryId}: the category, and how many left the waiting list. */
export type CategoryUpdate = Category & { promoted: number };

export type {
  Lead,
  ProfileContent,
  ProfileState,
  PublicSponsor,
  SponsorSummary,
  StaffMember,
  Tier,
} from '../../../functions/sponsors/schemas.ts';
// Sponsors and exhibition (functions/sponsors/schemas.ts): the public list is parsed at build time.
export { PublicSponsorList } from '../../../functions/sponsors/schemas.ts';
