/** Payments in the table: invoice numbers, settling, references, and the payments due by date (GSI2). */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../core/aws-errors.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { transact } from '../core/transaction.ts';
import {
  invoiceSeqKey,
  type OutboxItem,
  PAYMENTS_DUE_PK,
  paymentRefKey,
  regKey,
  type StoredRegistration,
} from './keys.ts';
import { partsFor } from './transaction-parts.ts';

export function createPaymentStore(doc: DocumentClient, tableName: string) {
  const { put, change } = partsFor(tableName);
  const appendLink = (tokenHash: string) => ({ paymentDue: true, appends: { tokenHashes: [tokenHash] } });

  return {
    /** The next final-invoice number of an event (1, 2, …); a number is spent only on a payment still due. */
    async nextInvoiceNumber(eventId: string): Promise<number> {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: invoiceSeqKey(eventId),
          UpdateExpression: 'ADD #seq :one SET #entity = :entity',
          ExpressionAttributeNames: { '#seq': 'seq', '#entity': 'entity' },
          ExpressionAttributeValues: { ':one': 1, ':entity': 'invoice-seq' },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.seq);
    },

    /** The registration a (normalised) payment reference belongs to, if any. */
    async registrationIdByReference(eventId: string, reference: string): Promise<string | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: paymentRefKey(eventId, reference), ConsistentRead: true }),
      );
      return Item?.registrationId as string | undefined;
    },

    /**
     * Settles a payment still due, guarded by the status read; a seated registration leaves
     * the payments due (a waiting one keeps its place on the waiting list, the same index).
     */
    async settlePayment(
      reg: StoredRegistration,
      sets: Record<string, unknown>,
      leavePaymentsDue: boolean,
      mail: OutboxItem,
      tokenHash: string,
    ): Promise<boolean> {
      const removes = leavePaymentsDue ? ['GSI2PK', 'GSI2SK'] : [];
      const outcome = await transact(doc, {
        registration: change(reg.id, reg.status, sets, removes, undefined, appendLink(tokenHash)),
        outbox: put(mail),
      });
      return outcome.ok;
    },

    /** Payments whose next step (reminder or cancellation) is due before `now` (ISO), oldest first. */
    async duePayments(now: string, limit = 100): Promise<{ registrationId: string; at: string }[]> {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: '#pk = :pk AND #sk < :now',
          ExpressionAttributeNames: { '#pk': 'GSI2PK', '#sk': 'GSI2SK' },
          ExpressionAttributeValues: { ':pk': PAYMENTS_DUE_PK, ':now': now },
          Limit: limit,
        }),
      );
      return (Items ?? []).map((i) => ({ registrationId: String(i.id), at: String(i.GSI2SK).split('#')[0] ?? '' }));
    },

    /** The reminder is mailed: the next step is the cancellation at `nextAt`. */
    async markReminded(reg: StoredRegistration, at: string, nextAt: string, mail: OutboxItem, tokenHash: string) {
      const sets = { 'payment.remindedAt': at, GSI2SK: `${nextAt}#${reg.id}`, updatedAt: at };
      const outcome = await transact(doc, {
        registration: change(reg.id, reg.status, sets, [], undefined, appendLink(tokenHash)),
        outbox: put(mail),
      });
      return outcome.ok;
    },

    /** Moves the next step of a payment due to `nextAt` (the sweep found it early). */
    async reschedulePayment(reg: StoredRegistration, nextAt: string) {
      await transact(doc, {
        registration: change(reg.id, reg.status, { GSI2SK: `${nextAt}#${reg.id}` }, [], undefined, {
          paymentDue: true,
        }),
      });
    },

    /** Takes a registration off the payments due (settled, ended or erased meanwhile); never off a waiting list. */
    async clearPaymentDue(registrationId: string) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: regKey(registrationId),
            UpdateExpression: 'REMOVE #pk2, #sk2',
            ConditionExpression: '#pk2 = :due',
            ExpressionAttributeNames: { '#pk2': 'GSI2PK', '#sk2': 'GSI2SK' },
            ExpressionAttributeValues: { ':due': PAYMENTS_DUE_PK },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}

export type PaymentsStore = ReturnType<typeof createPaymentStore>;
