/**
 * Signing up: one transaction holds a seat (or a waiting-list place) for an unverified
 * registration together with the email lock, the check-in code, the hold that lapses, the
 * first response under its Idempotency-Key and the mail with the link that verifies it.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  ConflictError,
  NotFoundError,
  type RateLimitedError,
  UnavailableError,
  UnprocessableError,
} from '../core/errors.ts';
import type { RateRule } from '../core/rate-limit.ts';
import type { Event } from '../events/schemas.ts';
import { isCategoryOpen } from './categories.ts';
import { newCheckInCode } from './check-in-code.ts';
import { type CategoryReader, type Clock, DAY_SECONDS, type EventReader, eventEndSeconds } from './deps.ts';
import type {
  CountedLimit,
  IdempotentResponse,
  NewRegistration,
  OutboxItem,
  StoredCategory,
  StoredRegistration,
} from './keys.ts';
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
  /** One of the limits counted with the write was reached (the first in the order given). */
  | { refused: CountedLimit; error: RateLimitedError }
  | 'full'
  | 'seat-free'
  | 'duplicate-email'
  | 'duplicate-key'
  | 'code-taken'
  | 'reference-taken';

export type RegisterDeps = {
  store: RegisterStore;
  categories: CategoryReader & { nextWaitSeq(eventId: string, categoryId: string): Promise<number> };
  events: EventReader;
  siteUrl: string;
  now: Clock;
  /** Days after the event's end that personal data is kept. */
  retentionDays: number;
  /** Counts one use of a limit on its own; throws RateLimitedError once it is reached (core/rate-limit.ts). */
  limit?: (rule: RateRule, key: string) => Promise<void>;
  /** Mail to one address (a sign-up's, or the notice to the owner of a duplicate) counts against this rule. */
  perEmail?: RateRule;
};

export type RegisterResult = { status: number; body: Registration; replayed: boolean };

/** The answer to a duplicate address, the same whatever the category's state. */
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
  /** The client's limit (the app's): every attempt that is not a replay counts, once. */
  client?: CountedLimit,
): Promise<RegisterResult> {
  const fingerprint = requestHash(input);
  const email = input.email.toLowerCase();
  const count = async (limit: CountedLimit | undefined) => {
    if (limit) await deps.limit?.(limit.rule, limit.key);
  };
  const mailLimit = (to: string): CountedLimit | undefined =>
    deps.perEmail && { rule: deps.perEmail, key: `${eventId}:${to}` };
  // Independent reads side by side; the app keeps both in memory for seconds (read-cache.ts).
  const [event, category] = await Promise.all([
    deps.events.getEvent(eventId),
    deps.categories.getCategory(eventId, input.categoryId),
  ]);
  const now = deps.now();
  const published = event?.status === 'published';
  const open =
    published && category !== undefined && category.audience !== 'exhibitor-staff' && isCategoryOpen(category, now);

  // The usual case: one transaction takes the seat, counts both limits (a full window
  // cancels it) and guards the key (a replay, which counts nothing) and the address.
  if (open) {
    const limits = [client, mailLimit(email)].filter((limit) => limit !== undefined);
    const written = await write(deps, {
      eventId,
      idempotencyKey,
      input,
      email,
      event,
      category,
      now,
      fingerprint,
      limits,
    });
    if (typeof written === 'object' && 'refused' in written) {
      // Refused by the address's limit, the attempt still counts against the client's.
      if (written.refused !== client) await count(client);
      throw written.error;
    }
    if (written === 'full') {
      await count(client);
      throw new ConflictError(FULL_DETAIL);
    }
    // A duplicate address takes the path below, which finds the owner and tells them.
    if (written !== 'duplicate-email') return written;
  }

  // Everything else (a closed, unknown or staff-only category, no such event, a duplicate):
  // is it a replay, is the address registered? Both in one round trip.
  const [replay, existing] = await Promise.all([
    deps.store.getIdempotent(eventId, idempotencyKey),
    deps.store.registrationIdByEmail(eventId, email),
  ]);
  if (replay) return replayOf(replay, fingerprint);
  // Every attempt that is not a replay counts against the client's limit.
  await count(client);

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
  // Before the category's state, so a duplicate reads the same whether it is open, full or closed.
  if (existing) {
    await tellOwner(deps, existing, event, now, mailLimit);
    throw new ConflictError(DUPLICATE_DETAIL);
  }
  if (!open) throw new ConflictError('Registration in this category is not open now.');
  // The address was freed between the transaction and the read (an erasure): once more.
  const limits = [mailLimit(email)].filter((limit) => limit !== undefined);
  const written = await write(deps, {
    eventId,
    idempotencyKey,
    input,
    email,
    event,
    category,
    now,
    fingerprint,
    limits,
  });
  if (typeof written === 'object' && 'refused' in written) throw written.error;
  if (written === 'full') throw new ConflictError(FULL_DETAIL);
  // Another request for the same address won the race: the same neutral answer.
  if (written === 'duplicate-email') throw new ConflictError(DUPLICATE_DETAIL);
  return written;
}

const FULL_DETAIL = 'This category is full and has no waiting list.';

type Attempt = {
  eventId: string;
  idempotencyKey: string;
  input: RegistrationInput;
  email: string;
  event: Event;
  category: StoredCategory;
  now: Date;
  fingerprint: string;
  /** Counted in the transaction, only if it writes. */
  limits: CountedLimit[];
};

type Refusal = Extract<WriteOutcome, { refused: CountedLimit }>;

/**
 * Writes the registration with a seat, or on the waiting list when the category is full.
 * 'full': no seat and no waiting list; 'duplicate-email': the address is registered.
 */
async function write(
  deps: RegisterDeps,
  { eventId, idempotencyKey, input, email, event, category, now, fingerprint, limits }: Attempt,
): Promise<RegisterResult | 'duplicate-email' | 'full' | Refusal> {
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
    limits,
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
      if (!category.waitlist) return 'full';
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
    if (outcome === 'duplicate-email' || typeof outcome === 'object') return outcome;
    if (outcome === 'duplicate-key') {
      const first = await deps.store.getIdempotent(eventId, idempotencyKey);
      if (first) return replayOf(first, fingerprint);
    }
    // 'seat-free': a seat was released between our two attempts; 'code-taken', 'reference-taken': a rare clash.
  }
  throw new UnavailableError('Registration is very busy right now; please retry.', 1);
}

/** Mails the owner of an address someone tried to register again, with a fresh manage link. */
async function tellOwner(
  deps: RegisterDeps,
  registrationId: string,
  event: Event,
  now: Date,
  mailLimit: (to: string) => CountedLimit | undefined,
) {
  const owner = await deps.store.get(registrationId);
  if (!owner) return;
  const limit = mailLimit(owner.email);
  if (limit) await deps.limit?.(limit.rule, limit.key);
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
