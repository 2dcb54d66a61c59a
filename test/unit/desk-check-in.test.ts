/**
 * The desk's answer when its check-in transaction finds the registration moved since it was
 * read: another desk came first, or the registration left the admitted states meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { checkIn, type DeskDeps } from '../../functions/registrations/desk.ts';
import type { StoredRegistration } from '../../functions/registrations/keys.ts';

const confirmed = {
  id: 'r1',
  eventId: 'e1',
  categoryId: 'talks',
  firstName: 'Ana',
  lastName: 'Silva',
  organisation: 'Customs',
  status: 'confirmed',
} as StoredRegistration;

/** A desk whose transaction fails, and whose second read finds `then`. */
function racingDesk(then: Partial<StoredRegistration>): DeskDeps {
  const reads = [confirmed, { ...confirmed, ...then }];
  return {
    store: {
      get: async () => reads.shift(),
      registrationIdByCode: async () => undefined,
      checkIn: async () => false,
      list: async () => ({ items: [], nextCursor: null }),
    },
    categories: {
      getCategory: async () => undefined,
      listCategories: async () => [],
    } as unknown as DeskDeps['categories'],
    now: () => new Date('2027-06-08T08:00:00Z'),
  };
}

describe('check-in when the registration moved meanwhile', () => {
  it('answers "already checked in" with the other desk’s time', async () => {
    const answer = await checkIn(racingDesk({ checkedInAt: '2027-06-08T07:59:58.000Z' }), 'e1', 'r1');
    expect({ already: answer.alreadyCheckedIn, at: answer.checkedInAt }).toEqual({
      already: true,
      at: '2027-06-08T07:59:58.000Z',
    });
  });

  it('refuses as the desk would now when the registration was cancelled meanwhile', async () => {
    await expect(checkIn(racingDesk({ status: 'cancelled' }), 'e1', 'r1')).rejects.toMatchObject({
      status: 409,
      message: 'A cancelled registration cannot be checked in.',
    });
  });

  it('asks to try again when it is still admitted but did not take', async () => {
    await expect(checkIn(racingDesk({}), 'e1', 'r1')).rejects.toThrow('The registration changed meanwhile; try again.');
  });
});
