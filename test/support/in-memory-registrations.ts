/**
 * An in-memory stand-in for the registrations stores, keeping the same guards as the
 * DynamoDB transactions (a seat only while one is free, the waiting list only while none
 * is, one registration per email, first response per Idempotency-Key), so the rules can be
 * read and tested as specifications without DynamoDB.
 */
import type { AttendeeStore } from '../../functions/registrations/attendee.ts';
import type {
  IdempotentResponse,
  NewRegistration,
  OutboxItem,
  Sensitive,
  StoredCategory,
  StoredRegistration,
} from '../../functions/registrations/keys.ts';
import { holdsSeat, isWaiting } from '../../functions/registrations/keys.ts';
import type { LifecycleStore } from '../../functions/registrations/lifecycle.ts';
import type { RegisterDeps, RegisterStore, WriteOutcome } from '../../functions/registrations/register.ts';
import type { RegistrationStatus } from '../../functions/registrations/schemas.ts';
import type { Promotion } from '../../functions/registrations/store.ts';
import type { VerifyStore } from '../../functions/registrations/verify.ts';

/** Sets as DynamoDB applies them: `payment.dueDate` is a path into a map; index keys are not kept. */
function applySets(target: Record<string, unknown>, sets: Record<string, unknown>) {
  for (const [path, value] of Object.entries(sets)) {
    if (path.startsWith('GSI')) continue;
    const [head, ...rest] = path.split('.');
    if (rest.length === 0) target[path] = value;
    else target[head as string] = { ...(target[head as string] as object), [rest.join('.')]: value };
  }
}

export class InMemoryRegistrations implements RegisterStore, LifecycleStore, AttendeeStore, VerifyStore {
  readonly registrations = new Map<string, StoredRegistration>();
  readonly categories = new Map<string, StoredCategory>();
  readonly idempotency = new Map<string, IdempotentResponse>();
  readonly emailLocks = new Set<string>();
  readonly sensitive = new Map<string, Omit<Sensitive, 'expiresAt'>>();
  readonly outbox: OutboxItem[] = [];

  addCategory(eventId: string, category: Omit<StoredCategory, 'taken' | 'sortOrder'> & { taken?: number }) {
    this.categories.set(`${eventId}/${category.id}`, { taken: 0, waiting: 0, waitSeq: 0, sortOrder: 0, ...category });
  }

  category(eventId: string, categoryId: string): StoredCategory {
    const found = this.categories.get(`${eventId}/${categoryId}`);
    if (!found) throw new Error(`no category ${categoryId}`);
    return found;
  }

  /** The category reader of the use cases' deps. */
  readonly categoryReader: RegisterDeps['categories'] = {
    getCategory: async (eventId, categoryId) => {
      const found = this.categories.get(`${eventId}/${categoryId}`);
      return found ? { ...found } : undefined;
    },
    nextWaitSeq: async (eventId, categoryId) => {
      const category = this.category(eventId, categoryId);
      category.waitSeq = (category.waitSeq ?? 0) + 1;
      return category.waitSeq;
    },
  };

  async getIdempotent(eventId: string, key: string) {
    return this.idempotency.get(`${eventId}/${key}`);
  }

  /** The guards in the order the DynamoDB store reads a refused transaction's reasons. */
  private writeNew(
    entry: NewRegistration,
    counter: { allows: (c: StoredCategory) => boolean; move: (c: StoredCategory) => void },
    onFail: WriteOutcome,
  ) {
    const { reg } = entry;
    if (this.idempotency.has(`${reg.eventId}/${entry.idempotency.key}`)) return 'duplicate-key' as const;
    const category = this.category(reg.eventId, reg.categoryId);
    if (!counter.allows(category)) return onFail;
    if (this.emailLocks.has(`${reg.eventId}/${reg.email}`)) return 'duplicate-email' as const;
    counter.move(category);
    this.registrations.set(reg.id, { ...reg });
    this.emailLocks.add(`${reg.eventId}/${reg.email}`);
    this.idempotency.set(`${reg.eventId}/${entry.idempotency.key}`, entry.idempotency.response);
    if (entry.sensitive) this.sensitive.set(reg.id, entry.sensitive);
    this.outbox.push(entry.mail);
    return 'written' as const;
  }

  async writeWithSeat(entry: NewRegistration): Promise<WriteOutcome> {
    return this.writeNew(
      entry,
      {
        allows: (c) => c.taken < c.capacity,
        move: (c) => {
          c.taken += 1;
        },
      },
      'full',
    );
  }

  async writeWaiting(entry: NewRegistration, seq: number): Promise<WriteOutcome> {
    return this.writeNew(
      { ...entry, reg: { ...entry.reg, waitSeq: seq } },
      {
        allows: (c) => c.taken >= c.capacity,
        move: (c) => {
          c.waiting = (c.waiting ?? 0) + 1;
        },
      },
      'seat-free',
    );
  }

  private waiting(eventId: string, categoryId: string) {
    return [...this.registrations.values()]
      .filter((r) => r.eventId === eventId && r.categoryId === categoryId && isWaiting(r))
      .sort((a, b) => (a.waitSeq ?? 0) - (b.waitSeq ?? 0));
  }

  async waitingAhead(eventId: string, categoryId: string, seq: number) {
    return this.waiting(eventId, categoryId).filter((r) => (r.waitSeq ?? 0) < seq).length;
  }

  async firstWaiting(eventId: string, categoryId: string) {
    const first = this.waiting(eventId, categoryId)[0];
    return first ? { ...first } : undefined;
  }

  async get(id: string) {
    const found = this.registrations.get(id);
    return found ? { ...found } : undefined;
  }

  private promoteNow(promote: Promotion, now: string) {
    const current = this.registrations.get(promote.reg.id);
    if (!current || current.status !== promote.reg.status || !isWaiting(current)) return false;
    Object.assign(
      current,
      { status: promote.status, updatedAt: now },
      promote.status === 'unverified' ? { hold: 'seat' } : {},
    );
    return true;
  }

  async release(
    reg: StoredRegistration,
    to: 'cancelled' | 'rejected' | 'expired',
    now: string,
    promote: Promotion | undefined,
    mails: OutboxItem[],
  ) {
    const current = this.registrations.get(reg.id);
    const category = this.category(reg.eventId, reg.categoryId);
    if (current?.status !== reg.status) return false;
    if (holdsSeat(reg) && !promote && (category.waiting ?? 0) > 0) return false;
    if (holdsSeat(reg) && promote && !this.promoteNow(promote, now)) return false;
    Object.assign(current, { status: to, updatedAt: now });
    if (isWaiting(reg) || promote) category.waiting = (category.waiting ?? 0) - 1;
    else category.taken -= 1;
    this.outbox.push(...mails);
    return true;
  }

  async promoteIntoFreeSeat(promote: Promotion, now: string, mail: OutboxItem) {
    const category = this.category(promote.reg.eventId, promote.reg.categoryId);
    if (category.taken >= category.capacity) return 'no-seat' as const;
    if (!this.promoteNow(promote, now)) return 'moved' as const;
    category.taken += 1;
    category.waiting = (category.waiting ?? 0) - 1;
    this.outbox.push(mail);
    return 'promoted' as const;
  }

  async verify(
    reg: StoredRegistration,
    to: RegistrationStatus,
    now: string,
    mail: OutboxItem,
    more: { sets?: Record<string, unknown>; tokenHash?: string } = {},
  ) {
    const current = this.registrations.get(reg.id);
    if (current?.status !== 'unverified') return false;
    Object.assign(current, { status: to, updatedAt: now, hold: undefined, heldUntil: undefined });
    applySets(current, more.sets ?? {});
    if (more.tokenHash) current.tokenHashes = [...(current.tokenHashes ?? []), more.tokenHash];
    this.outbox.push(mail);
    return true;
  }

  async registrationIdByEmail(eventId: string, email: string) {
    return [...this.registrations.values()].find((r) => r.eventId === eventId && r.email === email.toLowerCase())?.id;
  }

  async addManageToken(reg: StoredRegistration, tokenHash: string, mail: OutboxItem) {
    const current = this.registrations.get(reg.id);
    if (current) current.tokenHashes = [...(current.tokenHashes ?? []), tokenHash];
    this.outbox.push(mail);
  }

  async firstResponse(reg: StoredRegistration) {
    return this.idempotency.get(`${reg.eventId}/${reg.idempotencyKey}`)?.body;
  }

  async unsentMail(id: string) {
    return this.outbox.filter((m) => m.GSI1PK === `OUTBOXREG#${id}`) as never[];
  }

  async update(
    id: string,
    from: RegistrationStatus,
    sets: Record<string, unknown>,
    mail?: OutboxItem,
    tokenHash?: string,
  ) {
    const current = this.registrations.get(id);
    if (current?.status !== from) return false;
    applySets(current, sets);
    if (tokenHash) current.tokenHashes = [...(current.tokenHashes ?? []), tokenHash];
    if (mail) this.outbox.push(mail);
    return true;
  }

  async getSensitive(id: string) {
    return this.sensitive.get(id) ?? {};
  }

  async putSensitive(id: string, value: Sensitive) {
    const { expiresAt: _e, ...rest } = value;
    this.sensitive.set(id, rest);
  }

  readonly starred = new Map<string, { sessionIds: string[]; updatedAt: string }>();

  async getStarred(id: string) {
    return this.starred.get(id);
  }

  async putStarred(id: string, value: { sessionIds: string[]; updatedAt: string }) {
    this.starred.set(id, { sessionIds: value.sessionIds, updatedAt: value.updatedAt });
  }

  async erase(reg: StoredRegistration) {
    this.registrations.delete(reg.id);
    this.sensitive.delete(reg.id);
    this.starred.delete(reg.id);
    this.emailLocks.delete(`${reg.eventId}/${reg.email}`);
    this.idempotency.delete(`${reg.eventId}/${reg.idempotencyKey}`);
  }

  /** Subjects of the mail queued for one address, oldest first. */
  mailTo(email: string): string[] {
    return this.outbox.filter((m) => m.to === email).map((m) => String(m.subject));
  }
}
