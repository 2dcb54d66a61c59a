/** What the attendee's manage page reads: the registration with its category and event spelled out. */
import * as z from 'zod';
import { Bilingual, Id, IsoDate, TimeZone } from '../core/schemas.ts';
import { BankAccount, Venue } from '../events/schemas.ts';
import { Money, Registration } from './schemas.ts';

export const ManageView = Registration.extend({
  category: z
    .object({ id: Id, name: Bilingual, fee: Bilingual.optional(), price: Money.optional() })
    .meta({ description: 'The category booked (fee: display text; price: minor units; no price means free)' }),
  event: z
    .object({
      id: Id,
      name: Bilingual,
      startDate: IsoDate,
      endDate: IsoDate,
      timeZone: TimeZone,
      venue: Venue,
      bankAccount: BankAccount.optional().meta({ description: 'Where to transfer the fee (only while one is due)' }),
    })
    .meta({ description: 'The event: dates and venue' }),
  ended: z.boolean().meta({ description: 'Cancelled, rejected or expired: nothing can be changed any more' }),
  invoiceUrl: z.string().optional().meta({
    description: 'The invoice PDF (paid categories, unless the registration ended unpaid); send the manage token',
  }),
}).meta({ description: 'My registration, as the manage page shows it' });
export type ManageView = z.infer<typeof ManageView>;

export const ResendLinkInput = z
  .object({ email: z.email('Enter a valid email address').max(254) })
  .strict()
  .meta({ description: 'The address registered' });

export const Accepted = z
  .object({ message: z.string() })
  .meta({ description: 'The same answer whether or not the address is registered' });

export const PaymentUpdate = z
  .object({
    status: z.enum(['paid', 'waived']),
    paidAt: IsoDate.optional().meta({ description: 'Value date of the transfer (paid only); today when left out' }),
  })
  .strict()
  .meta({ description: 'A payment received (paid) or forgiven (waived)' });

const ImportLine = {
  line: z.int().meta({ description: 'Position of the statement line (1 = first), as read' }),
  reference: z.string().optional(),
  amount: z.int().optional().meta({ description: 'Integer minor units as booked' }),
  currency: z.string().optional(),
  bookedOn: z.string().optional(),
  description: z.string().optional(),
};

export const ImportReport = z
  .object({
    format: z.enum(['csv', 'camt.053']),
    lines: z.int().meta({ description: 'Credit lines read (duplicates counted once)' }),
    duplicates: z.int().meta({ description: 'Statement lines seen twice in this file, counted once' }),
    matched: z.array(
      z.object({
        ...ImportLine,
        registrationId: z.string(),
        name: z.string(),
        alreadyPaid: z.boolean().meta({ description: 'Paid before this import (a re-import changes nothing)' }),
      }),
    ),
    unmatched: z.array(
      z.object({
        ...ImportLine,
        reason: z.enum(['no-reference', 'unknown-reference', 'amount-mismatch', 'not-due', 'invalid-line']),
        registrationId: z.string().optional(),
        expected: Money.optional().meta({ description: 'What the registration owes (amount mismatch)' }),
      }),
    ),
  })
  .meta({ description: 'What a bank statement import matched, and what it did not' });
export type ImportReport = z.infer<typeof ImportReport>;
