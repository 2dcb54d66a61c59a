/**
 * The parts registration transactions are built from: new items, counter moves and
 * status changes, each with its condition named for what it guards.
 */
import type { TransactItem } from '../core/transaction.ts';
import { categoryKey, regKey, type StoredRegistration } from './keys.ts';
import type { RegistrationStatus } from './schemas.ts';

/** Conditions, named for what they guard. */
export const seatFree = '#taken < #capacity';
export const allSeatsTaken = '#taken >= #capacity';
export const nobodyWaiting = 'attribute_not_exists(#waiting) OR #waiting = :zero';
const isNew = 'attribute_not_exists(#pk)';
const statusUnchanged = '#status = :from';

export function partsFor(tableName: string) {
  const putNew = (Item: Record<string, unknown>): TransactItem => ({
    Put: { TableName: tableName, Item, ConditionExpression: isNew, ExpressionAttributeNames: { '#pk': 'PK' } },
  });
  const put = (Item: Record<string, unknown>): TransactItem => ({ Put: { TableName: tableName, Item } });

  /** A move of a category's counters, e.g. `ADD #taken :one` while a seat is free. */
  const counter = (
    reg: Pick<StoredRegistration, 'eventId' | 'categoryId'>,
    moves: { taken?: 1 | -1; waiting?: 1 | -1 },
    condition?: string,
  ): TransactItem => {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const adds = Object.entries(moves).map(([attribute, by]) => {
      names[`#${attribute}`] = attribute;
      values[`:${attribute}`] = by;
      return `#${attribute} :${attribute}`;
    });
    if (condition?.includes('#capacity')) names['#capacity'] = 'capacity';
    if (condition?.includes('#taken')) names['#taken'] = 'taken';
    if (condition?.includes('#waiting')) names['#waiting'] = 'waiting';
    if (condition?.includes(':zero')) values[':zero'] = 0;
    return {
      Update: {
        TableName: tableName,
        Key: categoryKey(reg.eventId, reg.categoryId),
        UpdateExpression: `ADD ${adds.join(', ')}`,
        ...(condition ? { ConditionExpression: condition } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  };

  /**
   * The one builder for a change of a registration, guarded by the status it was read in.
   * A set's key may be a path into a map (`payment.status`); `appends` add to lists.
   */
  const change = (
    id: string,
    from: RegistrationStatus,
    sets: Record<string, unknown>,
    removes: string[] = [],
    /** Also require the registration to be on the waiting list (true) or off it (false). */
    onWaitingList?: boolean,
    guards: { paymentDue?: boolean; appends?: Record<string, unknown[]> } = {},
  ): TransactItem => {
    const names: Record<string, string> = { '#status': 'status' };
    if (onWaitingList !== undefined) names['#waitingList'] = 'GSI2PK';
    const values: Record<string, unknown> = { ':from': from };
    const path = (attribute: string, prefix: string) =>
      attribute
        .split('.')
        .map((segment, j) => {
          names[`#${prefix}_${j}`] = segment;
          return `#${prefix}_${j}`;
        })
        .join('.');
    const assignments = Object.entries(sets).map(([attribute, value], i) => {
      values[`:v${i}`] = value;
      return `${path(attribute, `f${i}`)} = :v${i}`;
    });
    for (const [i, [attribute, items]] of Object.entries(guards.appends ?? {}).entries()) {
      names[`#a${i}`] = attribute;
      values[`:a${i}`] = items;
      values[':emptyList'] = [];
      assignments.push(`#a${i} = list_append(if_not_exists(#a${i}, :emptyList), :a${i})`);
    }
    // Whoever leaves the waiting status leaves the waiting-list index too (unless the change
    // puts them on another list of the same index, such as payments due).
    const leavesList = sets.status !== undefined && sets.status !== 'waitlisted' && sets.GSI2PK === undefined;
    // Named like the sets: `hold` and other attributes may be reserved words.
    const removed = [...(leavesList ? ['GSI2PK', 'GSI2SK'] : []), ...removes].map((attribute, i) =>
      path(attribute, `r${i}`),
    );
    const conditions = [statusUnchanged];
    if (onWaitingList !== undefined) {
      conditions.push(`${onWaitingList ? 'attribute_exists' : 'attribute_not_exists'}(#waitingList)`);
    }
    if (guards.paymentDue) {
      names['#payment'] = 'payment';
      names['#paymentStatus'] = 'status';
      values[':due'] = 'due';
      conditions.push('#payment.#paymentStatus = :due');
    }
    return {
      Update: {
        TableName: tableName,
        Key: regKey(id),
        UpdateExpression: `SET ${assignments.join(', ')}${removed.length > 0 ? ` REMOVE ${removed.join(', ')}` : ''}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  };

  const remove = (Key: Record<string, string>): TransactItem => ({ Delete: { TableName: tableName, Key } });

  return { putNew, put, remove, counter, change };
}
