/** What the attendee's manage page reads: the registration with its category and event spelled out. */
import * as z from 'zod/mini';
import { Bilingual, Id, IsoDate, TimeZone } from '../core/schemas.ts';
import { meta } from '../core/zod.ts';
import { BankAccount, Venue } from '../events/schemas.ts';
import { Money, Registration } from './schemas.ts';

export const ManageView = meta(
  z.extend(Registration, {
    category: meta(z.object({ id: Id, name: Bilingual, fee: z.optional(Bilingual), price: z.optional(Money) }), {
      description: 'The category booked (fee: display text; price: minor units; no price means free)',
    }),
    event: meta(
      z.object({
        id: Id,
        name: Bilingual,
        startDate: IsoDate,
        endDate: IsoDate,
        timeZone: TimeZone,
        venue: Venue,
        bankAccount: meta(z.optional(BankAccount), {
          description: 'Where to transfer the fee (only while one is due)',
        }),
      }),
      { description: 'The event: dates and venue' },
    ),
    ended: meta(z.boolean(), { description: 'Cancelled, rejected or expired: nothing can be changed any more' }),
    invoiceUrl: meta(z.optional(z.string()), {
      description: 'The invoice PDF (paid categories, unless the registration ended unpaid); send the manage token',
    }),
  }),
  { description: 'My registration, as the manage page shows it' },
);
export type ManageView = z.infer<typeof ManageView>;

export const ResendLinkInput = meta(
  z.strictObject({ email: z.email('Enter a valid email address').check(z.maxLength(254)) }),
  { description: 'The address registered' },
);

export const Accepted = meta(z.object({ message: z.string() }), {
  description: 'The same answer whether or not the address is registered',
});

export const PaymentUpdate = meta(
  z.strictObject({
    status: z.enum(['paid', 'waived']),
    paidAt: meta(z.optional(IsoDate), { description: 'Value date of the transfer (paid only); today when left out' }),
  }),
  { description: 'A payment received (paid) or forgiven (waived)' },
);

const ImportLine = {
  line: meta(z.int(), { description: 'Position of the statement line (1 = first), as read' }),
  reference: z.optional(z.string()),
  amount: meta(z.optional(z.int()), { description: 'Integer minor units as booked' }),
  currency: z.optional(z.string()),
  bookedOn: z.optional(z.string()),
  description: z.optional(z.string()),
};

export const ImportReport = meta(
  z.object({
    format: z.enum(['csv', 'camt.053']),
    lines: meta(z.int(), { description: 'Credit lines read (duplicates counted once)' }),
    duplicates: meta(z.int(), { description: 'Statement lines seen twice in this file, counted once' }),
    matched: z.array(
      z.object({
        ...ImportLine,
        registrationId: z.string(),
        name: z.string(),
        alreadyPaid: meta(z.boolean(), { description: 'Paid before this import (a re-import changes nothing)' }),
      }),
    ),
    unmatched: z.array(
      z.object({
        ...ImportLine,
        reason: z.enum(['no-reference', 'unknown-reference', 'amount-mismatch', 'not-due', 'invalid-line']),
        registrationId: z.optional(z.string()),
        expected: meta(z.optional(Money), { description: 'What the registration owes (amount mismatch)' }),
      }),
    ),
  }),
  { description: 'What a bank statement import matched, and what it did not' },
);
export type ImportReport = z.infer<typeof ImportReport>;
