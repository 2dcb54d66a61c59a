/**
 * The registration rules as specifications, against an in-memory store with the same
 * guards as the DynamoDB transactions: seats, the waiting list, approval and replays.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UnprocessableError } from '../../functions/core/errors.ts';
import { expireHolds } from '../../functions/registrations/holds.ts';
import {
  approve,
  endRegistration,
  fillFreeSeats,
  type LifecycleDeps,
} from '../../functions/registrations/lifecycle.ts';
import { DUPLICATE_DETAIL, type RegisterDeps, register } from '../../functions/registrations/register.ts';
import type { RegistrationInput } from '../../functions/registrations/schemas.ts';
import { verify } from '../../functions/registrations/verify.ts';
import { testEvent } from '../support/events.ts';
import { InMemoryRegistrations } from '../support/in-memory-registrations.ts';

const EVENT = 'e1';
let db: InMemoryRegistrations;
let clock: Date;
let deps: RegisterDeps & LifecycleDeps & { store: InMemoryRegistrations };

const input = (email: string, categoryId = 'talks', extra: Partial<RegistrationInput> = {}): RegistrationInput => ({
  categoryId,
  firstName: email.split('@')[0] ?? 'x',
  lastName: 'Tester',
  email,
  organisation: 'Customs',
  country: 'PT',
  preferredLanguage: 'en',
  visaLetter: false,
  consent: { privacy: true },
  ...extra,
});

let keys = 0;
/** Signs up without opening the mailed link: the place is held, unverified. */
const signUpUnverified = (email: string, categoryId = 'talks') => {
  keys += 1;
  return register(deps, EVENT, `key-${keys}`, input(email, categoryId));
};
/** Signs up and opens the mailed link, as most people do. */
const signUp = async (email: string, categoryId = 'talks') => {
  const answer = await signUpUnverified(email, categoryId);
  const stored = await db.get(answer.body.id);
  if (!stored) return answer;
  return { ...answer, body: await verify(deps, stored) };
};
const statusOf = async (id: string) => (await db.get(id))?.status;

beforeEach(() => {
  db = new InMemoryRegistrations();
  db.addCategory(EVENT, { id: 'talks', name: { en: 'Talks' }, capacity: 2, waitlist: true, requiresApproval: false });
  db.addCategory(EVENT, { id: 'vip', name: { en: 'VIP' }, capacity: 1, waitlist: false, requiresApproval: false });
  db.addCategory(EVENT, { id: 'gov', name: { en: 'Gov' }, capacity: 1, waitlist: true, requiresApproval: true });
  clock = new Date('2027-01-10T10:00:00Z');
  deps = {
    store: db,
    categories: db.categoryReader,
    events: { getEvent: async (id) => (id === EVENT ? testEvent(EVENT) : undefined) },
    siteUrl: 'https://site.example',
    now: () => clock,
    retentionDays: 30,
  };
});

describe('signing up', () => {
  it('confirms while seats are free, then puts people on the waiting list in order', async () => {
    const results = [];
    for (const name of ['ana', 'ben', 'cy', 'dee']) results.push(await signUp(`${name}@x.org`));
    expect(results.map((r) => [r.body.status, r.body.waitlistPosition])).toEqual([
      ['confirmed', undefined],
      ['confirmed', undefined],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect(db.category(EVENT, 'talks')).toMatchObject({ taken: 2, waiting: 2 });
    expect(db.mailTo('cy@x.org')).toEqual([
      'Confirm your place on the waiting list: Event e1',
      'On the waiting list: Event e1',
    ]);
  });

  it('refuses a full category without a waiting list, and writes nothing', async () => {
    await signUp('ana@x.org', 'vip');
    await expect(signUp('ben@x.org', 'vip')).rejects.toThrow(
      new ConflictError('This category is full and has no waiting list.'),
    );
    expect([...db.registrations.values()].map((r) => r.email)).toEqual(['ana@x.org']);
  });

  it('holds the seat of a registration awaiting approval', async () => {
    const first = await signUp('ana@x.org', 'gov');
    const second = await signUp('ben@x.org', 'gov');
    expect([first.body.status, second.body.status]).toEqual(['pending', 'waitlisted']);
    expect(db.category(EVENT, 'gov')).toMatchObject({ taken: 1, waiting: 1 });
  });

  it('accepts one registration per email in an event, whatever the letter case', async () => {
    await signUp('ana@x.org');
    await expect(signUp('ANA@x.org')).rejects.toThrow(new ConflictError(DUPLICATE_DETAIL));
    expect(db.category(EVENT, 'talks').taken).toBe(1);
    expect(db.mailTo('ana@x.org').at(-1)).toBe('Someone tried to register with your address: Event e1');
  });

  // Otherwise a closed or full category would tell anyone, without a write, who is registered.
  it('answers a closed category the same whether or not the address is registered, and mails no one', async () => {
    await signUp('ana@x.org');
    db.category(EVENT, 'talks').closesAt = '2027-01-01T00:00:00Z';
    const mailsBefore = db.outbox.length;
    const closed = new ConflictError('Registration in this category is not open now.');
    await expect(signUp('ana@x.org')).rejects.toThrow(closed);
    await expect(signUp('unknown@x.org')).rejects.toThrow(closed);
    expect(db.outbox).toHaveLength(mailsBefore);
  });

  it('answers a full category without a waiting list the same whether or not the address is registered', async () => {
    await signUp('ana@x.org', 'vip');
    const mailsBefore = db.outbox.length;
    const full = new ConflictError('This category is full and has no waiting list.');
    await expect(signUp('ana@x.org', 'vip')).rejects.toThrow(full);
    await expect(signUp('ben@x.org', 'vip')).rejects.toThrow(full);
    expect(db.outbox).toHaveLength(mailsBefore);
    expect([...db.registrations.values()].map((r) => r.email)).toEqual(['ana@x.org']);
  });

  it('answers a replay of an Idempotency-Key with the first answer and writes nothing', async () => {
    const first = await register(deps, EVENT, 'same-key-1', input('ana@x.org'));
    const again = await register(deps, EVENT, 'same-key-1', input('ana@x.org'));
    expect(again).toEqual({ ...first, replayed: true });
    expect(first.body.status).toBe('unverified');
    expect(db.registrations.size).toBe(1);
    expect(db.outbox).toHaveLength(1);
  });

  it('refuses a key reused for another body', async () => {
    await register(deps, EVENT, 'same-key-2', input('ana@x.org'));
    await expect(register(deps, EVENT, 'same-key-2', input('ben@x.org'))).rejects.toBeInstanceOf(UnprocessableError);
  });

  it('refuses an unknown category, a closed one and an unknown event', async () => {
    await expect(signUp('ana@x.org', 'nope')).rejects.toBeInstanceOf(UnprocessableError);
    db.category(EVENT, 'talks').closesAt = '2027-01-01T00:00:00Z';
    await expect(signUp('ana@x.org')).rejects.toThrow(
      new ConflictError('Registration in this category is not open now.'),
    );
    await expect(register(deps, 'other', 'key-other-1', input('ana@x.org'))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('cancelling and rejecting', () => {
  it('hands a cancelled seat to the first person waiting, who is told', async () => {
    const ana = await signUp('ana@x.org');
    await signUp('ben@x.org');
    const cy = await signUp('cy@x.org');
    const dee = await signUp('dee@x.org');
    const cancelled = await endRegistration(deps, ana.body.id, 'cancelled', ['confirmed']);
    expect(cancelled.status).toBe('cancelled');
    expect([await statusOf(cy.body.id), await statusOf(dee.body.id)]).toEqual(['confirmed', 'waitlisted']);
    expect(db.category(EVENT, 'talks')).toMatchObject({ taken: 2, waiting: 1 });
    expect(db.mailTo('cy@x.org')).toEqual([
      'Confirm your place on the waiting list: Event e1',
      'On the waiting list: Event e1',
      'A place is now yours: Event e1',
    ]);
  });

  it('frees the seat when nobody waits', async () => {
    const ana = await signUp('ana@x.org');
    await endRegistration(deps, ana.body.id, 'cancelled', ['confirmed']);
    expect(db.category(EVENT, 'talks')).toMatchObject({ taken: 0, waiting: 0 });
  });

  it('takes a waiting person off the list without touching the seats', async () => {
    await signUp('ana@x.org');
    await signUp('ben@x.org');
    const cy = await signUp('cy@x.org');
    await endRegistration(deps, cy.body.id, 'cancelled', ['waitlisted']);
    expect(db.category(EVENT, 'talks')).toMatchObject({ taken: 2, waiting: 0 });
  });

  it('gives a rejected seat to the next person, pending again where approval is required', async () => {
    const ana = await signUp('ana@x.org', 'gov');
    const ben = await signUp('ben@x.org', 'gov');
    await endRegistration(deps, ana.body.id, 'rejected', ['pending']);
    expect([await statusOf(ana.body.id), await statusOf(ben.body.id)]).toEqual(['rejected', 'pending']);
    expect(db.category(EVENT, 'gov')).toMatchObject({ taken: 1, waiting: 0 });
  });

  it('refuses a change from a status the caller does not allow, and repeats idempotently', async () => {
    const ana = await signUp('ana@x.org', 'gov');
    await expect(endRegistration(deps, ana.body.id, 'rejected', ['waitlisted'])).rejects.toThrow(
      new ConflictError('A pending registration cannot become rejected.'),
    );
    await endRegistration(deps, ana.body.id, 'rejected', ['pending']);
    expect((await endRegistration(deps, ana.body.id, 'rejected', ['pending'])).status).toBe('rejected');
  });
});

describe('approving', () => {
  it('approves a pending registration once and mails the attendee', async () => {
    const ana = await signUp('ana@x.org', 'gov');
    clock = new Date('2027-01-11T09:00:00Z');
    const approved = await approve(deps, ana.body.id);
    expect([approved.status, approved.updatedAt]).toEqual(['approved', '2027-01-11T09:00:00.000Z']);
    expect((await approve(deps, ana.body.id)).status).toBe('approved');
    expect(db.mailTo('ana@x.org')).toEqual([
      'Confirm your registration: Event e1',
      'Registration received: Event e1',
      'Registration approved: Event e1',
    ]);
  });

  it('refuses to approve anything but a pending registration', async () => {
    const ana = await signUp('ana@x.org');
    await expect(approve(deps, ana.body.id)).rejects.toThrow(
      new ConflictError('Only a pending registration can be approved; this one is confirmed.'),
    );
  });
});

describe('growing a category', () => {
  it('gives the new seats to the people waiting, in order', async () => {
    for (const name of ['ana', 'ben', 'cy', 'dee', 'eve']) await signUp(`${name}@x.org`);
    db.category(EVENT, 'talks').capacity = 4;
    expect(await fillFreeSeats(deps, EVENT, 'talks')).toBe(2);
    const statuses = [...db.registrations.values()].map((r) => [r.email, r.status]);
    expect(statuses).toEqual([
      ['ana@x.org', 'confirmed'],
      ['ben@x.org', 'confirmed'],
      ['cy@x.org', 'confirmed'],
      ['dee@x.org', 'confirmed'],
      ['eve@x.org', 'waitlisted'],
    ]);
  });
});

describe('verifying the address', () => {
  it('holds the seat unverified, then confirms once the link is opened, idempotently', async () => {
    const ana = await signUpUnverified('ana@x.org');
    expect([ana.body.status, ana.body.heldUntil, ana.body.checkInCode]).toEqual([
      'unverified',
      '2027-01-11T10:00:00.000Z',
      undefined,
    ]);
    expect(db.category(EVENT, 'talks').taken).toBe(1);
    const stored = await db.get(ana.body.id);
    if (!stored) throw new Error('not stored');
    expect((await verify(deps, stored)).status).toBe('confirmed');
    expect((await verify(deps, stored)).status).toBe('confirmed');
    expect(db.mailTo('ana@x.org')).toEqual(['Confirm your registration: Event e1', 'Registration confirmed: Event e1']);
  });

  it('lets a hold lapse after the hold time and gives the seat to the first person waiting', async () => {
    const ana = await signUpUnverified('ana@x.org');
    await signUp('ben@x.org');
    const cy = await signUp('cy@x.org');
    const dee = await signUpUnverified('dee@x.org');
    clock = new Date('2027-01-11T09:59:59Z');
    expect(await expireHolds({ ...deps, store: dueHoldsOf(db) })).toBe(0);
    clock = new Date('2027-01-11T10:00:01Z');
    expect(await expireHolds({ ...deps, store: dueHoldsOf(db) })).toBe(2);
    expect([ana, cy, dee].map((r) => db.registrations.get(r.body.id)?.status)).toEqual([
      'expired',
      'confirmed',
      'expired',
    ]);
    expect(db.category(EVENT, 'talks')).toMatchObject({ taken: 2, waiting: 0 });
  });

  it('promotes an unverified person into a seat they still have to verify', async () => {
    const ana = await signUp('ana@x.org');
    await signUp('ben@x.org');
    const cy = await signUpUnverified('cy@x.org');
    await endRegistration(deps, ana.body.id, 'cancelled', ['confirmed']);
    expect(db.registrations.get(cy.body.id)).toMatchObject({ status: 'unverified', hold: 'seat' });
    expect(db.category(EVENT, 'talks')).toMatchObject({ taken: 2, waiting: 0 });
  });
});

/** The fake's holds: every unverified registration whose hold is due. */
function dueHoldsOf(store: InMemoryRegistrations) {
  return Object.assign(Object.create(store) as InMemoryRegistrations, {
    dueHolds: async (now: string) =>
      [...store.registrations.values()]
        .filter((r) => r.status === 'unverified' && (r.heldUntil ?? '') < now)
        .map((r) => ({ registrationId: r.id, heldUntil: r.heldUntil ?? '' })),
    dropHold: async () => {},
  });
}
