/**
 * Booth staff named by a sponsor: confirmed registrations in the event's exhibitor-staff
 * category (the category whose `audience` is `exhibitor-staff`), written in one transaction
 * with the category's seat counter and the caller's own guards (the sponsor's pass counter),
 * so neither count can be passed under any concurrency. Also what lead capture may read:
 * a consenting attendee by check-in code, and a condition that the consent still holds.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DocumentClient } from '../core/dynamo.ts';
import type { TransactItem } from '../core/transaction.ts';
import { transact } from '../core/transaction.ts';
import type { EventReader } from '../events/public.ts';
import { createCategoryStore } from './category-store.ts';
import { newCheckInCode, normaliseCheckInCode } from './check-in-code.ts';
import { DAY_SECONDS, eventEndSeconds } from './deps.ts';
import { checkInCodeKey, emailLockKey, eventRegistrationsIndex, regKey, type StoredRegistration } from './keys.ts';
import { attendeeMailItem, manageUrl } from './mails.ts';
import { createRecordsStore } from './records-store.ts';
import { partsFor, seatFree } from './transaction-parts.ts';
import { hashToken, searchText } from './views.ts';

export const STAFF_AUDIENCE = 'exhibitor-staff';

export type StaffPerson = {
  /** The sponsor naming them: kept on the registration, so its erasure reaches the sponsor's list. */
  sponsorId: string;
  firstName: string;
  lastName: string;
  email: string;
  organisation: string;
  country: string;
  jobTitle?: string;
};

export type StaffOutcome =
  | { ok: true; registrationId: string }
  | { ok: false; reason: 'no-event' | 'no-category' | 'category-full' | 'duplicate-email' | 'guard' };

/** Statuses in which an attendee's consent lets a sponsor keep a lead. */
const PRESENT = ['confirmed', 'approved', 'pending'];

export type ConsentingAttendee = Pick<
  StoredRegistration,
  'id' | 'firstName' | 'lastName' | 'email' | 'organisation' | 'country' | 'jobTitle' | 'expiresAt'
>;

export function createStaffRegistrar(
  doc: DocumentClient,
  tableName: string,
  deps: { events: EventReader; siteUrl: string; retentionDays: number; now: () => Date },
) {
  const categories = createCategoryStore(doc, tableName);
  const records = createRecordsStore(doc, tableName);
  const { putNew, put, change, remove, counter } = partsFor(tableName);

  return {
    /** Registers a member of the booth staff, confirmed at once, with the caller's guards in the same transaction. */
    async register(
      eventId: string,
      person: StaffPerson,
      guardsFor: (registrationId: string) => Record<string, TransactItem>,
    ): Promise<StaffOutcome> {
      const event = await deps.events.getEvent(eventId);
      if (!event) return { ok: false, reason: 'no-event' };
      const category = (await categories.listCategories(eventId)).find((c) => c.audience === STAFF_AUDIENCE);
      if (!category) return { ok: false, reason: 'no-category' };
      const now = deps.now();
      const iso = now.toISOString();
      const email = person.email.toLowerCase();
      const token = randomBytes(32).toString('base64url');
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const reg: StoredRegistration = {
          id: randomUUID(),
          eventId,
          categoryId: category.id,
          status: 'confirmed',
          ...person,
          email,
          preferredLanguage: 'en',
          visaLetter: false,
          consent: { shareWithExhibitors: false },
          tokenHash: hashToken(token),
          checkInCode: newCheckInCode(),
          idempotencyKey: `staff-${randomUUID()}`,
          search: searchText({ ...person, email }),
          createdAt: iso,
          updatedAt: iso,
          expiresAt: eventEndSeconds(event) + deps.retentionDays * DAY_SECONDS,
        };
        const mail = attendeeMailItem(
          now,
          reg,
          'confirmed',
          { event, category },
          {
            manageUrl: manageUrl(deps.siteUrl, 'en', reg.id, token),
          },
        );
        const guards = guardsFor(reg.id);
        const outcome = await transact(doc, {
          ...guards,
          counter: counter(reg, { taken: 1 }, seatFree),
          registration: putNew({ ...regKey(reg.id), entity: 'registration', ...eventRegistrationsIndex(reg), ...reg }),
          emailLock: putNew({
            ...emailLockKey(eventId, email),
            entity: 'email-lock',
            registrationId: reg.id,
            expiresAt: reg.expiresAt,
          }),
          checkInCode: putNew({
            ...checkInCodeKey(eventId, reg.checkInCode),
            entity: 'check-in-code',
            registrationId: reg.id,
            expiresAt: reg.expiresAt,
          }),
          outbox: put(mail),
        });
        if (outcome.ok) return { ok: true, registrationId: reg.id };
        if (Object.keys(guards).some((name) => (outcome.failed as Set<string>).has(name)))
          return { ok: false, reason: 'guard' };
        if (outcome.failed.has('emailLock')) return { ok: false, reason: 'duplicate-email' };
        if (outcome.failed.has('counter')) return { ok: false, reason: 'category-full' };
        // 'checkInCode': a rare clash of random codes; try another.
      }
      return { ok: false, reason: 'category-full' };
    },

    /** Cancels a staff registration (freeing its seat and its address) with the caller's guards; false when it moved. */
    async cancel(registrationId: string, guards: Record<string, TransactItem>): Promise<boolean> {
      const reg = await records.get(registrationId);
      if (!reg || reg.status !== 'confirmed') return (await transact(doc, guards)).ok;
      const outcome = await transact(doc, {
        ...guards,
        registration: change(reg.id, 'confirmed', { status: 'cancelled', updatedAt: deps.now().toISOString() }),
        counter: counter(reg, { taken: -1 }),
        emailLock: remove(emailLockKey(reg.eventId, reg.email)),
      });
      return outcome.ok;
    },
  };
}

export function createLeadSource(doc: DocumentClient, tableName: string) {
  const records = createRecordsStore(doc, tableName);
  return {
    /** The attendee a check-in code names, only if they agreed to share their contact (undefined otherwise, whatever the reason). */
    async consentingAttendee(eventId: string, code: string): Promise<ConsentingAttendee | undefined> {
      const id = await records.registrationIdByCode(eventId, normaliseCheckInCode(code));
      const reg = id ? await records.get(id) : undefined;
      if (!reg || reg.eventId !== eventId || reg.consent?.shareWithExhibitors !== true) return undefined;
      if (!PRESENT.includes(reg.status)) return undefined;
      const { firstName, lastName, email, organisation, country, jobTitle, expiresAt } = reg;
      return { id: reg.id, firstName, lastName, email, organisation, country, jobTitle, expiresAt };
    },

    /** A transaction part that holds only while the attendee still consents. */
    consentHolds(registrationId: string): TransactItem {
      return {
        ConditionCheck: {
          TableName: tableName,
          Key: regKey(registrationId),
          ConditionExpression: '#consent.#share = :yes',
          ExpressionAttributeNames: { '#consent': 'consent', '#share': 'shareWithExhibitors' },
          ExpressionAttributeValues: { ':yes': true },
        },
      };
    },
  };
}

export type StaffRegistrar = ReturnType<typeof createStaffRegistrar>;
export type LeadSource = ReturnType<typeof createLeadSource>;
