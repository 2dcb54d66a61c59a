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
import type { LifecycleStore } from '../../functions/registrations/lifecycle.ts';
import type { RegisterDeps, RegisterStore, WriteOutcome } from '../../functions/registrations/register.ts';
import type { RegistrationStatus } from '../../functions/registrations/schemas.ts';

const holds = (status: RegistrationStatus) => status === 'confirmed' || status === 'pending' || status === 'approved';

export class InMemoryRegistrations implements RegisterStore, LifecycleStore, AttendeeStore {
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

  private writeNew(entry: NewRegistration, counterAllows: (c: StoredCategory) => boolean, onFail: WriteOutcome) {
    const { reg } = entry;
    if (this.idempotency.has(`${reg.eventId}/${entry.idempotency.key}`)) return 'duplicate-key' as const;
    if (this.emailLocks.has(`${reg.eventId}/${reg.email}`)) return 'duplicate-email' as const;
    const category = this.category(reg.eventId, reg.categoryId);
    if (!counterAllows(category)) return onFail;
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
      (c) => {
        if (c.taken >= c.capacity) return false;
        c.taken += 1;
        return true;
      },
      'full',
    );
  }

  async writeWaiting(entry: NewRegistration, seq: number): Promise<WriteOutcome> {
    return this.writeNew(
      { ...entry, reg: { ...entry.reg, waitSeq: seq } },
      (c) => {
        if (c.taken < c.capacity) return false;
        c.waiting = (c.waiting ?? 0) + 1;
        return true;
      },
      'seat-free',
    );
  }

  private waiting(eventId: string, categoryId: string) {
    return [...this.registrations.values()]
      .filter((r) => r.eventId === eventId && r.categoryId === categoryId && r.status === 'waitlisted')
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

  async release(
    reg: StoredRegistration,
    to: 'cancelled' | 'rejected',
    now: string,
    promote: { reg: StoredRegistration; status: 'confirmed' | 'pending' } | undefined,
    mails: OutboxItem[],
  ) {
    const current = this.registrations.get(reg.id);
    const category = this.category(reg.eventId, reg.categoryId);
    if (current?.status !== reg.status) return false;
    if (promote && this.registrations.get(promote.reg.id)?.status !== 'waitlisted') return false;
    if (holds(reg.status) && !promote && (category.waiting ?? 0) > 0) return false;
    Object.assign(current, { status: to, updatedAt: now });
    if (!holds(reg.status) || promote) category.waiting = (category.waiting ?? 0) - 1;
    else category.taken -= 1;
    if (promote)
      Object.assign(this.registrations.get(promote.reg.id) ?? {}, { status: promote.status, updatedAt: now });
    this.outbox.push(...mails);
    return true;
  }

  async promoteIntoFreeSeat(
    waiter: StoredRegistration,
    status: 'confirmed' | 'pending',
    now: string,
    mail: OutboxItem,
  ) {
    const category = this.category(waiter.eventId, waiter.categoryId);
    if (category.taken >= category.capacity) return 'no-seat' as const;
    const current = this.registrations.get(waiter.id);
    if (current?.status !== 'waitlisted') return 'moved' as const;
    Object.assign(current, { status, updatedAt: now });
    category.taken += 1;
    category.waiting = (category.waiting ?? 0) - 1;
    this.outbox.push(mail);
    return 'promoted' as const;
  }

  async update(id: string, from: RegistrationStatus, sets: Record<string, unknown>, mail?: OutboxItem) {
    const current = this.registrations.get(id);
    if (current?.status !== from) return false;
    Object.assign(current, sets);
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

  async erase(reg: StoredRegistration) {
    this.registrations.delete(reg.id);
    this.sensitive.delete(reg.id);
    this.emailLocks.delete(`${reg.eventId}/${reg.email}`);
    this.idempotency.delete(`${reg.eventId}/${reg.idempotencyKey}`);
  }

  /** Subjects of the mail queued for one address, oldest first. */
  mailTo(email: string): string[] {
    return this.outbox.filter((m) => m.to === email).map((m) => String(m.subject));
  }
}
