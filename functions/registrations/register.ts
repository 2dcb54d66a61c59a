/**
 * Signing up: one transaction holds a seat (or a waiting-list place) for an unverified
 * registration together with the email lock, the check-in code, the hold that lapses, the
 * first response under its Idempotency-Key and the mail with the link that verifies it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, UnavailableError, UnprocessableError } from '../core/errors.ts';
import type { Event } from '../events/schemas.ts';
import { isCategoryOpen } from './categories.ts';
import { newCheckInCode } from './check-in-code.ts';
import { type CategoryReader, type Clock, DAY_SECONDS, type EventReader, eventEndSeconds } from './deps.ts';
import type { IdempotentResponse, NewRegistration, OutboxItem, StoredRegistration } from './keys.ts';
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
  | 'reference-taken';

export type RegisterDeps = {
  store: RegisterStore;
  categories: CategoryReader & { nextWaitSeq(eventId: string, categoryId: string): Promise<number> };
  events: EventReader;
  siteUrl: string;
  now: Clock;
  /** Days after the event's end that personal data is kept. */
  retentionDays: number;
  /** Counts a mail to an address against its limit; throws when the limit is reached. */
  countMailTo?: (eventId: string, email: string) => Promise<void>;
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
): Promise<RegisterResult> {
  const fingerprint = requestHash(input);
  const replay = await deps.store.getIdempotent(eventId, idempotencyKey);
  if (replay) return replayOf(replay, fingerprint);

  const event = await deps.events.getEvent(eventId);
  if (!event || event.status !== 'published') throw new NotFoundError(`No published event ${eventId}.`);
  const category = await deps.categories.getCategory(eventId, input.categoryId);
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
  const email = input.email.toLowerCase();
  const now = deps.now();
  // Before the category's state, so a duplicate reads the same whether it is open, full or closed.
  const existing = await deps.store.registrationIdByEmail(eventId, email);
  if (existing) {
    await tellOwner(deps, existing, event, now);
    throw new ConflictError(DUPLICATE_DETAIL);
  }
  if (!isCategoryOpen(category, now)) throw new ConflictError('Registration in this category is not open now.');
  await deps.countMailTo?.(eventId, email);

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
      if (!category.waitlist) throw new ConflictError('This category is full and has no waiting list.');
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
    // Another request for the same address won the race: the same neutral answer.
    if (outcome === 'duplicate-email') throw new ConflictError(DUPLICATE_DETAIL);
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
  await deps.countMailTo?.(owner.eventId, owner.email);
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
