/**
 * Signing up: one transaction holds a seat (or a waiting-list place) for an unverified
 * registration together with the email lock, the check-in code, the hold that lapses, the
 * first response under its Idempotency-Key, the mail with the link that verifies it, and
 * the count against the client's limit.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  ConflictError,
  NotFoundError,
  type RateLimitedError,
  UnavailableError,
  UnprocessableError,
} from '../core/errors.ts';
import type { RateCount, RateLimiter } from '../core/rate-limit.ts';
import type { Event } from '../events/schemas.ts';
import { isCategoryOpen } from './category-view.ts';
import { newCheckInCode } from './check-in-code.ts';
import { type CategoryReader, type Clock, DAY_SECONDS, type EventReader, eventEndSeconds } from './deps.ts';
import type { IdempotentResponse, NewRegistration, OutboxItem, StoredCategory, StoredRegistration } from './keys.ts';
import type { RegistrationLimits } from './limits.ts';
import { mintLink, newToken } from './links.ts';
import { attendeeMailItem, manageUrl } from './mails.ts';
import { newPayment } from './payments.ts';
import type { Registration, RegistrationInput } from './schemas.ts';
import { hashToken, publicView, searchText } from './views.ts';

/** What signing up needs of storage. */
export interface RegisterStore {
  getIdempotent(eventId: string, key: string): Promise<IdempotentResponse | undefined>;
  registrationIdByEmail(eventId: string, email: string): Promise<string | undefined>;
  get(id: string): Promise<StoredRegistration | undefined>;
  addManageToken(reg: StoredRegistration, tokenHash: string, mail: OutboxItem): Promise<void>;
  writeWithSeat(entry: NewRegistration): Promise<WriteOutcome>;
  writeWaiting(entry: NewRegistration, seq: number): Promise<WriteOutcome>;
  waitingAhead(eventId: string, categoryId: string, seq: number): Promise<number>;
}
export type WriteOutcome =
  | 'written'
  | 'full'
  | 'seat-free'
  | 'duplicate-email'
  | 'duplicate-key'
  | 'code-taken'
  | 'reference-taken'
  | { refused: RateLimitedError };

export type RegisterDeps = {
  store: RegisterStore;
  categories: CategoryReader & { nextWaitSeq(eventId: string, categoryId: string): Promise<number> };
  events: EventReader;
  siteUrl: string;
  now: Clock;
  /** Days after the event's end that personal data is kept. */
  retentionDays: number;
  /** Sign-ups per client (counted in the sign-up's transaction when one is written) and notices per address. */
  limits?: Pick<RegistrationLimits, 'perClient' | 'perEmail'>;
  /** Counts a use on its own (an attempt that writes no registration, a mail to an owner); throws when a limit is reached. */
  limit?: RateLimiter;
};

export type RegisterResult = { status: number; body: Registration; replayed: boolean };

/**
 * The answer to a duplicate address in an open category. A closed or full one answers with its
 * state, registered address or not.
 */
export const DUPLICATE_DETAIL =
  'This address cannot be registered for this event. If it is yours, we have mailed it the link to its registration.';

const MAX_ATTEMPTS = 8;
const DEFAULT_HOLD_HOURS = 24;
const requestHash = (input: RegistrationInput) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

export async function register(
  deps: RegisterDeps,
  eventId: string,
  idempotencyKey: string,
  input: RegistrationInput,
  /** Who is asking (the client's address), counted against `limits.perClient`; no count when absent. */
  client?: string,
): Promise<RegisterResult> {
  const fingerprint = requestHash(input);
  const email = input.email.toLowerCase();
  // Independent reads side by side; the app keeps both in memory for seconds (read-cache.ts).
  const [event, category] = await Promise.all([
    deps.events.getEvent(eventId),
    deps.categories.getCategory(eventId, input.categoryId),
  ]);
  const now = deps.now();
  const published = event?.status === 'published';
  const open =
    published && category !== undefined && category.audience !== 'exhibitor-staff' && isCategoryOpen(category, now);
  const clientCount = client && deps.limits ? [{ rule: deps.limits.perClient, key: client }] : [];

  // The usual case: one transaction, whose guards find a replay (the first response's item)
  // and a duplicate address (the email lock), and which counts the client's limit: a sign-up
  // is counted exactly when it is written. Its mail needs no count of its own: the email
  // lock admits one registration per address and event, and only erasure (by the owner's
  // link or an organiser) frees it; the notices to an owner below are what the address's
  // limit counts.
  if (open) {
    const attempt = { eventId, idempotencyKey, input, email, event, category, now, fingerprint };
    const written = await write(deps, attempt, clientCount);
    // A duplicate address takes the path below, which finds the owner and tells them.
    if (written !== 'duplicate-email') return written;
  }

  // Everything else (a closed, unknown or staff-only category, no such event, a duplicate):
  // is it a replay, and (in an open category only) is the address registered? One round trip.
  const [replay, existing] = await Promise.all([
    deps.store.getIdempotent(eventId, idempotencyKey),
    open ? deps.store.registrationIdByEmail(eventId, email) : undefined,
  ]);
  // A retry is never refused, not even by a limit.
  if (replay) return replayOf(replay, fingerprint);
  // Every attempt that is not a replay counts against the client's limit, once.
  for (const { rule, key } of clientCount) await deps.limit?.(rule, key);

  if (!event || !published) throw new NotFoundError(`No published event ${eventId}.`);
  if (!category) {
    throw new UnprocessableError("Choose one of the event's categories.", [
      { path: 'categoryId', message: 'Unknown category' },
    ]);
  }
  if (category.audience === 'exhibitor-staff') {
    throw new UnprocessableError(
      'Exhibitor staff are registered by their exhibitor in the sponsor portal, within the passes of its tier.',
      [{ path: 'categoryId', message: 'Not open to public registration' }],
    );
  }
  // The category's state before any duplicate: a closed category answers the same whether or
  // not the address is registered, so nobody learns who is without writing a registration.
  if (!open) throw new ConflictError('Registration in this category is not open now.');
  if (existing) {
    await tellOwner(deps, existing, event, now);
    throw new ConflictError(DUPLICATE_DETAIL);
  }
  // The address was freed between the transaction and the read (an erasure): try once more
  // (the client is counted already).
  const attempt = { eventId, idempotencyKey, input, email, event, category, now, fingerprint };
  const written = await write(deps, attempt, []);
  // Another request for the same address won the race: the same neutral answer.
  if (written === 'duplicate-email') throw new ConflictError(DUPLICATE_DETAIL);
  return written;
}

type Attempt = {
  eventId: string;
  idempotencyKey: string;
  input: RegistrationInput;
  email: string;
  event: Event;
  category: StoredCategory;
  now: Date;
  fingerprint: string;
};

/** Writes the registration with a seat, or on the waiting list when the category is full. */
async function write(
  deps: RegisterDeps,
  { eventId, idempotencyKey, input, email, event, category, now, fingerprint }: Attempt,
  counts: RateCount[],
): Promise<RegisterResult | 'duplicate-email'> {
  const token = newToken();
  const id = randomUUID();
  const iso = now.toISOString();
  const eventEnd = eventEndSeconds(event);
  const { dietaryNeeds, accessibilityNeeds, consent, ...fields } = input;
  const sensitive =
    dietaryNeeds || accessibilityNeeds
      ? { dietaryNeeds, accessibilityNeeds, expiresAt: eventEnd + DAY_SECONDS }
      : undefined;
  const link = manageUrl(deps.siteUrl, input.preferredLanguage, id, token);
  const heldUntil = new Date(now.getTime() + (category.holdHours ?? DEFAULT_HOLD_HOURS) * 3_600_000).toISOString();
  const idemExpiry = Math.floor(now.getTime() / 1000) + DAY_SECONDS;
  const base: Omit<StoredRegistration, 'checkInCode'> = {
    id,
    eventId,
    ...fields,
    email,
    consent: { shareWithExhibitors: consent.shareWithExhibitors ?? false },
    status: 'unverified',
    hold: 'seat',
    heldUntil,
    tokenHash: hashToken(token),
    idempotencyKey,
    search: searchText(fields),
    createdAt: iso,
    updatedAt: iso,
    expiresAt: eventEnd + deps.retentionDays * DAY_SECONDS,
  };
  const entry = (reg: StoredRegistration, body: Registration, mail: OutboxItem): NewRegistration => ({
    reg,
    sensitive,
    idempotency: {
      key: idempotencyKey,
      response: { requestHash: fingerprint, status: 201, body },
      expiresAt: idemExpiry,
    },
    mail,
    counts,
  });

  const ctx = { event, category };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    // A paid category: what is owed, under a new reference at every attempt (a clash is retried).
    const payment = newPayment(category, now);
    const reg: StoredRegistration = { ...base, checkInCode: newCheckInCode(), ...(payment ? { payment } : {}) };
    const seatMail = attendeeMailItem(now, reg, 'verify', ctx, { manageUrl: link, heldUntil });
    let outcome = await deps.store.writeWithSeat(entry(reg, publicView(reg), seatMail));
    if (outcome === 'written') return { status: 201, body: publicView(reg), replayed: false };
    if (outcome === 'full') {
      if (!category.waitlist) {
        // Nothing is written, so the count the transaction would have made is made alone.
        for (const { rule, key } of counts) await deps.limit?.(rule, key);
        throw new ConflictError('This category is full and has no waiting list.');
      }
      const seq = await deps.categories.nextWaitSeq(eventId, category.id);
      const position = (await deps.store.waitingAhead(eventId, category.id, seq)) + 1;
      const waiting: StoredRegistration = { ...reg, hold: 'waitlist' };
      const body = publicView(waiting, position);
      const mail = attendeeMailItem(now, waiting, 'verify-waitlist', ctx, {
        manageUrl: link,
        position,
        heldUntil,
      });
      outcome = await deps.store.writeWaiting(entry(waiting, body, mail), seq);
      if (outcome === 'written') return { status: 201, body, replayed: false };
    }
    if (outcome === 'duplicate-email') return outcome;
    // Not a replay (that trips the first response's guard, answered below): a limit is reached.
    if (typeof outcome === 'object') throw outcome.refused;
    if (outcome === 'duplicate-key') {
      const first = await deps.store.getIdempotent(eventId, idempotencyKey);
      if (first) return replayOf(first, fingerprint);
    }
    // 'seat-free': a seat was released between our two attempts; 'code-taken', 'reference-taken': a rare clash.
  }
  throw new UnavailableError('Registration is very busy right now; please retry.', 1);
}

/** Mails the owner of an address someone tried to register again, with a fresh manage link. */
async function tellOwner(deps: RegisterDeps, registrationId: string, event: Event, now: Date) {
  const owner = await deps.store.get(registrationId);
  if (!owner) return;
  if (deps.limits) await deps.limit?.(deps.limits.perEmail, `${owner.eventId}:${owner.email}`);
  const category = await deps.categories.getCategory(owner.eventId, owner.categoryId);
  const link = mintLink(deps.siteUrl, owner);
  await deps.store.addManageToken(
    owner,
    link.hash,
    attendeeMailItem(now, owner, 'duplicate', { event, category }, { manageUrl: link.url }),
  );
}

function replayOf(first: IdempotentResponse, fingerprint: string): RegisterResult {
  if (first.requestHash !== fingerprint) {
    throw new UnprocessableError('This Idempotency-Key was already used for a different registration.', [
      { path: 'Idempotency-Key', message: 'Reused with another body' },
    ]);
  }
  return { status: first.status, body: first.body as Registration, replayed: true };
}
