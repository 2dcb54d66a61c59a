/**
 * Paid categories, lost links and the check-in desk on DynamoDB Local: a paid sign-up owes
 * its price, a statement import marks it paid, an unpaid registration is reminded once and
 * then cancelled (its seat going to the waiting list), resend-link mails only a registered
 * address, and the desk finds, checks in and counts people.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEventsStore } from '../../functions/events/store.ts';
import { createCategoryStore } from '../../functions/registrations/category-store.ts';
import type { ImportReport, ManageView } from '../../functions/registrations/manage-schemas.ts';
import { sweepPayments } from '../../functions/registrations/payment-sweep.ts';
import { formatReference } from '../../functions/registrations/reference.ts';
import { demoEvent } from '../../local/demo-conference.ts';
import { type RegistrationsApp, registrationDeps, registrationsApp } from '../support/apps.ts';
import { testEvent } from '../support/events.ts';
import { testIssuer } from '../support/tokens.ts';
import { freshTable } from './table.ts';

const EVENT = 'paytest';
const DAY = 86_400_000;

describe('payments, lost links and the desk', () => {
  let app: RegistrationsApp;
  let table: Awaited<ReturnType<typeof freshTable>>;
  let clock = new Date('2027-01-10T10:00:00Z');
  let organiser: Record<string, string>;
  let staff: Record<string, string>;
  let n = 0;

  const outbox = async () =>
    ((await table.doc.send(new ScanCommand({ TableName: table.tableName }))).Items ?? []).filter(
      (i) => i.entity === 'outbox',
    ) as { to: string; subject: string; text: string; html?: string; attachments?: { filename: string }[] }[];
  const mailsTo = async (email: string) => (await outbox()).filter((m) => m.to === email);
  const tokenIn = (text: string) => /token=[^.]+\.([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';
  const json = { 'content-type': 'application/json' };

  /** Signs up and opens the mailed link; answers the id and the attendee's bearer header. */
  async function signUp(email: string, categoryId: string) {
    n += 1;
    const response = await app.request(`/api/events/${EVENT}/registrations`, {
      method: 'POST',
      headers: { ...json, 'idempotency-key': `pay-key-${n}` },
      body: JSON.stringify({
        categoryId,
        firstName: email.split('@')[0],
        lastName: 'Silva',
        email,
        organisation: 'Customs',
        country: 'PT',
        consent: { privacy: true },
      }),
    });
    const body = (await response.json()) as { id: string; payment?: Record<string, unknown> };
    const auth = { authorization: `Bearer ${tokenIn((await mailsTo(email))[0]?.text ?? '')}` };
    const verified = await app.request(`/api/registrations/${body.id}/verify`, { method: 'POST', headers: auth });
    return { id: body.id, signUp: body, verified: (await verified.json()) as Record<string, unknown>, auth };
  }
  const view = async (id: string, auth: Record<string, string>) =>
    (await (await app.request(`/api/registrations/${id}`, { headers: auth })).json()) as ManageView;

  beforeAll(async () => {
    table = await freshTable('payments');
    await createEventsStore(table.doc, table.tableName).createEvent(
      testEvent(EVENT, { bankAccount: demoEvent.bankAccount }),
    );
    const categories = createCategoryStore(table.doc, table.tableName);
    const paid = { waitlist: true, requiresApproval: false, price: { amount: 45000, currency: 'EUR' } };
    const terms = { reminderAfterDays: 7, cancelAfterDays: 14 };
    await categories.createCategory(
      EVENT,
      { id: 'private', name: { en: 'Private sector' }, capacity: 10, ...paid, payment: terms },
      0,
    );
    await categories.createCategory(
      EVENT,
      { id: 'workshop', name: { en: 'Workshop' }, capacity: 1, ...paid, payment: terms },
      1,
    );
    await categories.createCategory(
      EVENT,
      { id: 'delegates', name: { en: 'Delegates' }, capacity: 10, waitlist: false, requiresApproval: false },
      2,
    );
    const issuer = await testIssuer();
    app = registrationsApp({
      doc: table.doc,
      tableName: table.tableName,
      verifyToken: issuer.verifyToken,
      now: () => clock,
    });
    organiser = { authorization: `Bearer ${await issuer.sign({ sub: 'org', groups: ['organisers'] })}` };
    staff = { authorization: `Bearer ${await issuer.sign({ sub: 'desk', groups: ['staff'] })}` };
  });

  it('gives a paid sign-up what it owes, and a manage view with category, price, event and bank details', async () => {
    const ana = await signUp('ana@example.org', 'private');
    expect(ana.signUp.payment).toEqual({
      status: 'due',
      amount: 45000,
      currency: 'EUR',
      reference: expect.stringMatching(/^RF\d{2}[0-9A-Z]{12}$/),
      dueDate: '2027-01-24',
    });
    expect(ana.verified.status).toBe('confirmed');
    const manage = await view(ana.id, ana.auth);
    expect(manage.category).toEqual({
      id: 'private',
      name: { en: 'Private sector' },
      fee: { en: 'EUR 450.00', fr: '450,00 EUR' },
      price: { amount: 45000, currency: 'EUR' },
    });
    expect(manage.event).toMatchObject({
      startDate: '2027-06-08',
      endDate: '2027-06-09',
      venue: { city: { en: 'Lisbon', fr: 'Lisbonne' } },
    });
    expect(manage.event.bankAccount?.iban).toBe('PT50000201231234567890154');
    expect([manage.ended, manage.invoiceUrl]).toEqual([false, `/api/registrations/${ana.id}/invoice.pdf`]);
    const confirmation = (await mailsTo('ana@example.org')).find((m) => m.subject.startsWith('Registration confirmed'));
    expect(confirmation?.text).toContain(formatReference(String(ana.signUp.payment?.reference)));
    expect(confirmation?.attachments?.map((a) => a.filename)).toEqual(['check-in-code.png', 'paytest.ics']);
    const marked = await app.request(`/api/events/${EVENT}/registrations/${ana.id}/payment`, {
      method: 'POST',
      headers: { ...organiser, ...json },
      body: JSON.stringify({ status: 'paid', paidAt: '2027-01-11' }),
    });
    expect(((await marked.json()) as { payment: unknown }).payment).toMatchObject({
      status: 'paid',
      paidAt: '2027-01-11',
      invoiceNumber: 'PAYTEST-00001',
    });
    const free = await signUp('dora@example.org', 'delegates');
    expect([free.signUp.payment, (await view(free.id, free.auth)).invoiceUrl]).toEqual([undefined, undefined]);
  });

  it('marks a payment paid from a CSV statement (reference in lower case with spaces), once', async () => {
    const ben = await signUp('ben@example.org', 'private');
    const reference = formatReference(String(ben.signUp.payment?.reference)).toLowerCase();
    const csv = `date,amount,currency,reference\n2027-01-12,450.00,EUR,${reference}\n2027-01-12,450.00,EUR,${reference}\n`;
    const post = () =>
      app.request(`/api/events/${EVENT}/payments/import`, {
        method: 'POST',
        headers: { ...organiser, 'content-type': 'text/csv' },
        body: csv,
      });
    const first = (await (await post()).json()) as ImportReport;
    expect([first.lines, first.duplicates, first.unmatched]).toEqual([1, 1, []]);
    expect(first.matched).toEqual([
      expect.objectContaining({ registrationId: ben.id, name: 'ben Silva', amount: 45000, alreadyPaid: false }),
    ]);
    const paid = await view(ben.id, ben.auth);
    expect(paid.payment).toMatchObject({ status: 'paid', paidAt: '2027-01-12', invoiceNumber: 'PAYTEST-00002' });
    expect(paid.event.bankAccount).toBeUndefined();
    const again = (await (await post()).json()) as ImportReport;
    expect(again.matched.map((m) => m.alreadyPaid)).toEqual([true]);
    expect((await view(ben.id, ben.auth)).payment?.invoiceNumber).toBe('PAYTEST-00002');
    expect((await mailsTo('ben@example.org')).filter((m) => m.subject.startsWith('Payment received'))).toHaveLength(1);
    const invoice = await app.request(`/api/registrations/${ben.id}/invoice.pdf`, { headers: ben.auth });
    expect([invoice.status, invoice.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(
      Buffer.from(await invoice.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('reminds an unpaid registration once, then cancels it and promotes the waiting list', async () => {
    const cy = await signUp('cy@example.org', 'workshop');
    const dee = await signUp('dee@example.org', 'workshop');
    expect([cy.verified.status, dee.verified.status]).toEqual(['confirmed', 'waitlisted']);
    const deps = { ...registrationDeps({ doc: table.doc, tableName: table.tableName, now: () => clock }) };
    const start = clock;
    expect(await sweepPayments(deps)).toEqual({ reminded: 0, cancelled: 0 });

    clock = new Date(start.getTime() + 8 * DAY);
    expect(await sweepPayments(deps)).toEqual({ reminded: 1, cancelled: 0 });
    expect(await sweepPayments(deps)).toEqual({ reminded: 0, cancelled: 0 });
    const reminder = (await mailsTo('cy@example.org')).filter((m) => m.subject.startsWith('Payment reminder'));
    expect(reminder).toHaveLength(1);
    expect(tokenIn(reminder[0]?.text ?? '')).toHaveLength(43);

    clock = new Date(start.getTime() + 15 * DAY);
    expect(await sweepPayments(deps)).toEqual({ reminded: 0, cancelled: 1 });
    expect((await view(cy.id, cy.auth)).status).toBe('cancelled');
    const ended = await view(cy.id, cy.auth);
    expect([ended.ended, ended.invoiceUrl, ended.event.bankAccount]).toEqual([true, undefined, undefined]);
    // Nothing is owed any more: no pro forma either.
    const noInvoice = await app.request(`/api/registrations/${cy.id}/invoice.pdf`, { headers: cy.auth });
    expect([noInvoice.status, ((await noInvoice.json()) as { detail: string }).detail]).toEqual([
      404,
      'This registration has ended: there is nothing to pay.',
    ]);
    const cancelMail = (await mailsTo('cy@example.org')).find((m) => m.subject.startsWith('Registration cancelled'));
    expect(cancelMail?.text).toMatch(/^Payment: +Nothing to pay$/m);
    const promoted = await view(dee.id, dee.auth);
    expect(promoted.status).toBe('confirmed');
    // The clock starts again for the person promoted: 14 days from now.
    expect(promoted.payment).toMatchObject({ status: 'due', dueDate: '2027-02-08' });
    const placeMail = (await mailsTo('dee@example.org')).find((m) => m.subject.startsWith('A place is now yours'));
    const link = tokenIn(placeMail?.text ?? '');
    const opened = await app.request(`/api/registrations/${dee.id}`, { headers: { authorization: `Bearer ${link}` } });
    expect(opened.status).toBe(200);
    expect((await mailsTo('cy@example.org')).map((m) => m.subject)).toContain(
      `Registration cancelled (unpaid): Event ${EVENT}`,
    );

    const marked = await app.request(`/api/events/${EVENT}/registrations/${dee.id}/payment`, {
      method: 'POST',
      headers: { ...organiser, ...json },
      body: JSON.stringify({ status: 'waived' }),
    });
    expect([marked.status, ((await marked.json()) as { payment: { status: string } }).payment.status]).toEqual([
      200,
      'waived',
    ]);
    clock = new Date(start.getTime() + 40 * DAY);
    expect(await sweepPayments(deps)).toEqual({ reminded: 0, cancelled: 0 });
    expect((await view(dee.id, dee.auth)).status).toBe('confirmed');
    clock = new Date('2027-01-10T10:00:00Z');
  });

  it('answers resend-link with the same 202 for any address and mails only a registered one', async () => {
    const before = (await outbox()).length;
    const ask = (email: string) =>
      app.request(`/api/events/${EVENT}/registrations/resend-link`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email }),
      });
    const unknown = await ask('nobody@example.org');
    const known = await ask('ANA@example.org');
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(await unknown.json()).toEqual(await known.json());
    const mails = (await outbox()).slice(0);
    expect(mails.length - before).toBe(1);
    const linkMail = (await mailsTo('ana@example.org')).find((m) => m.subject.startsWith('Your registration link'));
    const id = /token=([^.]+)\./.exec(linkMail?.text ?? '')?.[1] ?? '';
    const opened = await app.request(`/api/registrations/${id}`, {
      headers: { authorization: `Bearer ${tokenIn(linkMail?.text ?? '')}` },
    });
    expect([opened.status, ((await opened.json()) as { email: string }).email]).toEqual([200, 'ana@example.org']);
    expect(await mailsTo('nobody@example.org')).toEqual([]);
  });

  it('checks people in by code in any case, finds them by name and counts arrivals', async () => {
    const eve = await signUp('eve@example.org', 'delegates');
    const code = String((await view(eve.id, eve.auth)).checkInCode);
    const spaced = `${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()} `;
    const checkIn = () =>
      app.request(`/api/events/${EVENT}/check-in`, {
        method: 'POST',
        headers: { ...staff, ...json },
        body: JSON.stringify({ code: spaced }),
      });
    const first = (await (await checkIn()).json()) as Record<string, unknown>;
    expect(first).toEqual({
      registrationId: eve.id,
      name: 'eve Silva',
      organisation: 'Customs',
      category: { en: 'Delegates' },
      status: 'confirmed',
      checkedInAt: clock.toISOString(),
      alreadyCheckedIn: false,
    });
    clock = new Date(clock.getTime() + 60_000);
    const second = (await (await checkIn()).json()) as Record<string, unknown>;
    expect([second.alreadyCheckedIn, second.checkedInAt]).toEqual([true, first.checkedInAt]);

    const search = await app.request(`/api/events/${EVENT}/check-in/search?q=EVE`, { headers: staff });
    expect(await search.json()).toEqual({
      items: [
        {
          registrationId: eve.id,
          name: 'eve Silva',
          organisation: 'Customs',
          category: { en: 'Delegates' },
          status: 'confirmed',
          checkedInAt: first.checkedInAt,
        },
      ],
    });
    const stats = await app.request(`/api/events/${EVENT}/check-in/stats`, { headers: staff });
    // Seats taken: ana and ben (private), dee (workshop), dora and eve (delegates).
    expect(await stats.json()).toEqual({ checkedIn: 1, expected: 5 });
  });
});
