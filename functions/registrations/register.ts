/**
 * Signing up: one transaction takes a seat (or a waiting-list place) together with the
 * registration, the email lock, the first response under its Idempotency-Key and the mail.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, UnavailableError, UnprocessableError } from '../core/errors.ts';
import { isCategoryOpen } from './categories.ts';
import { type CategoryReader, type Clock, DAY_SECONDS, type EventReader, eventEndSeconds } from './deps.ts';
import type { IdempotentResponse, NewRegistration, StoredRegistration } from './keys.ts';
import { attendeeMailItem } from './mails.ts';
import type { Registration, RegistrationInput, RegistrationStatus } from './schemas.ts';
import { hashToken, searchText, view } from './views.ts';

/** What signing up needs of storage. */
export interface RegisterStore {
  getIdempotent(eventId: string, key: string): Promise<IdempotentResponse | undefined>;
  writeWithSeat(entry: NewRegistration): Promise<WriteOutcome>;
  writeWaiting(entry: NewRegistration, seq: number): Promise<WriteOutcome>;
  waitingAhead(eventId: string, categoryId: string, seq: number): Promise<number>;
}
export type WriteOutcome = 'written' | 'full' | 'seat-free' | 'duplicate-email' | 'duplicate-key';

export type RegisterDeps = {
  store: RegisterStore;
  categories: CategoryReader & { nextWaitSeq(eventId: string, categoryId: string): Promise<number> };
  events: EventReader;
  siteUrl: string;
  now: Clock;
  /** Days after the event's end that personal data is kept. */
  retentionDays: number;
};

export type RegisterResult = { status: number; body: Registration; replayed: boolean };

const MAX_ATTEMPTS = 8;
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
  const now = deps.now();
  if (!isCategoryOpen(category, now)) throw new ConflictError('Registration in this category is not open now.');

  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const iso = now.toISOString();
  const eventEnd = eventEndSeconds(event);
  const { dietaryNeeds, accessibilityNeeds, consent: _consent, ...fields } = input;
  const sensitive =
    dietaryNeeds || accessibilityNeeds
      ? { dietaryNeeds, accessibilityNeeds, expiresAt: eventEnd + DAY_SECONDS }
      : undefined;
  const manageUrl = `${deps.siteUrl}/${input.preferredLanguage === 'fr' ? 'fr/' : ''}registration/?token=${id}.${token}`;
  const idemExpiry = Math.floor(now.getTime() / 1000) + DAY_SECONDS;
  const seated: RegistrationStatus = category.requiresApproval ? 'pending' : 'confirmed';
  const reg: StoredRegistration = {
    id,
    eventId,
    ...fields,
    email: fields.email.toLowerCase(),
    status: seated,
    tokenHash: hashToken(token),
    idempotencyKey,
    search: searchText(fields),
    createdAt: iso,
    updatedAt: iso,
    expiresAt: eventEnd + deps.retentionDays * DAY_SECONDS,
  };
  const entry = (r: StoredRegistration, body: Registration, mail: NewRegistration['mail']): NewRegistration => ({
    reg: r,
    sensitive,
    idempotency: {
      key: idempotencyKey,
      response: { requestHash: fingerprint, status: 201, body },
      expiresAt: idemExpiry,
    },
    mail,
  });

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const seatedMail = attendeeMailItem(now, reg, seated, event.name, {
      manageUrl,
      ...(seated === 'confirmed' ? { checkInCode: id } : {}),
    });
    let outcome = await deps.store.writeWithSeat(entry(reg, view(reg), seatedMail));
    if (outcome === 'written') return { status: 201, body: view(reg), replayed: false };
    if (outcome === 'full') {
      if (!category.waitlist) throw new ConflictError('This category is full and has no waiting list.');
      const seq = await deps.categories.nextWaitSeq(eventId, category.id);
      const position = (await deps.store.waitingAhead(eventId, category.id, seq)) + 1;
      const waiting: StoredRegistration = { ...reg, status: 'waitlisted' };
      const mail = attendeeMailItem(now, waiting, 'waitlisted', event.name, { manageUrl, position });
      outcome = await deps.store.writeWaiting(entry(waiting, view(waiting, position), mail), seq);
      if (outcome === 'written') return { status: 201, body: view(waiting, position), replayed: false };
    }
    if (outcome === 'duplicate-email')
      throw new ConflictError('This email address is already registered for this event.');
    if (outcome === 'duplicate-key') {
      const first = await deps.store.getIdempotent(eventId, idempotencyKey);
      if (first) return replayOf(first, fingerprint);
    }
    // 'seat-free': a seat was released between our two attempts; try for it again.
  }
  throw new UnavailableError('Registration is very busy right now; please retry.', 1);
}

function replayOf(first: IdempotentResponse, fingerprint: string): RegisterResult {
  if (first.requestHash !== fingerprint) {
    throw new UnprocessableError('This Idempotency-Key was already used for a different registration.', [
      { path: 'Idempotency-Key', message: 'Reused with another body' },
    ]);
  }
  return { status: first.status, body: first.body as Registration, replayed: true };
}
