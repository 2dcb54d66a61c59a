/** Payment references, amounts, live category states and bank statement matching, without DynamoDB. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryState } from '../../functions/registrations/category-view.ts';
import type { StoredRegistration } from '../../functions/registrations/keys.ts';
import { decimalText, formatMoney, parseAmount } from '../../functions/registrations/money.ts';
import { importStatement, readStatement } from '../../functions/registrations/payment-import.ts';
import {
  creditorReference,
  formatReference,
  isValidIban,
  isValidReference,
  newPaymentReference,
  referencesIn,
} from '../../functions/registrations/reference.ts';
import { testEvent } from '../support/events.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('payment references (ISO 11649)', () => {
  it('computes the check digits of the standard example and refuses a wrong digit', () => {
    expect(creditorReference('539007547034')).toBe('RF18539007547034');
    expect(isValidReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidReference('rf18539007547034')).toBe(true);
    expect(isValidReference('RF18539007547035')).toBe(false);
    expect(isValidReference('RF19539007547034')).toBe(false);
  });

  it('makes new references that are valid, 16 characters long and different', () => {
    const made = Array.from({ length: 200 }, newPaymentReference);
    expect(made.every((r) => /^RF\d{2}[0-9A-HJKMNP-TV-Z]{12}$/.test(r) && isValidReference(r))).toBe(true);
    expect(new Set(made).size).toBe(200);
    expect(formatReference('rf20aaaa00000001')).toBe('RF20 AAAA 0000 0001');
  });

  it('finds references in remittance text whatever the spacing and case, and only valid ones', () => {
    expect(referencesIn('conference fee rf07 bbbb 0000 0002 B. Okafor')).toEqual(['RF07BBBB00000002']);
    expect(referencesIn('RF07BBBB00000003 and RF20-AAAA-0000-0001')).toEqual(['RF20AAAA00000001']);
    expect(referencesIn('no reference here')).toEqual([]);
  });

  it('checks IBANs by their check digits', () => {
    expect(isValidIban('PT50 0002 0123 1234 5678 9015 4')).toBe(true);
    expect(isValidIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isValidIban('GB82 WEST 1234 5698 7654 33')).toBe(false);
  });
});

describe('amounts in minor units', () => {
  it('parses bank amounts exactly, never through a float', () => {
    expect(parseAmount('450.00', 'EUR')).toBe(45000);
    expect(parseAmount('450,00', 'EUR')).toBe(45000);
    expect(parseAmount('450', 'EUR')).toBe(45000);
    expect(parseAmount('1 234.56', 'EUR')).toBe(123456);
    expect(parseAmount('1,234.56', 'EUR')).toBe(123456);
    expect(parseAmount('0.29', 'EUR')).toBe(29);
    expect(parseAmount('1200', 'JPY')).toBe(1200);
    expect(parseAmount('12.345', 'KWD')).toBe(12345);
    expect(parseAmount('1.234,50', 'EUR')).toBe(123450);
    expect(parseAmount('4.505', 'EUR')).toBe(450500);
    expect(parseAmount('4.5051', 'EUR')).toBeUndefined();
    expect(parseAmount('1,2,3', 'EUR')).toBeUndefined();
    expect(parseAmount('-450.00', 'EUR')).toBeUndefined();
    expect(parseAmount('EUR 450', 'EUR')).toBeUndefined();
  });

  it('writes amounts out per language', () => {
    expect(decimalText({ amount: 45000, currency: 'EUR' })).toBe('450.00');
    expect(decimalText({ amount: 5, currency: 'EUR' })).toBe('0.05');
    expect(formatMoney({ amount: 45000, currency: 'EUR' }, 'en')).toBe('EUR 450.00');
    expect(formatMoney({ amount: 45000, currency: 'EUR' }, 'fr')).toBe('450,00 EUR');
  });
});

describe('live category state', () => {
  const now = new Date('2027-01-10T10:00:00Z');
  const category = (
    capacity: number,
    taken: number,
    more: { waitlist?: boolean; opensAt?: string; closesAt?: string } = {},
  ) =>
    categoryState(
      { capacity, taken, waitlist: more.waitlist ?? true, opensAt: more.opensAt, closesAt: more.closesAt },
      now,
    );

  it('says open, few left (5 seats or 10 %), waiting list, full, closed or not yet open', () => {
    expect(category(700, 600)).toBe('open');
    expect(category(700, 630)).toBe('few-left'); // 70 free = 10 %
    expect(category(700, 629)).toBe('open'); // 71 free
    expect(category(25, 20)).toBe('few-left'); // 5 free
    expect(category(25, 19)).toBe('open'); // 6 free
    expect(category(25, 25)).toBe('waitlist');
    expect(category(25, 25, { waitlist: false })).toBe('full');
    expect(category(0, 0, { waitlist: false })).toBe('full');
    expect(category(25, 3, { opensAt: '2027-02-01T00:00:00Z' })).toBe('not-yet-open');
    expect(category(25, 3, { closesAt: '2027-01-10T10:00:00Z' })).toBe('closed');
    expect(category(25, 25, { closesAt: '2027-01-01T00:00:00Z' })).toBe('closed');
  });
});

describe('bank statement matching', () => {
  const owing = (id: string, reference: string, status: 'due' | 'paid' = 'due'): StoredRegistration =>
    ({
      id,
      eventId: 'pay',
      categoryId: 'private',
      status: 'confirmed',
      firstName: id,
      lastName: 'Example',
      email: `${id}@example.org`,
      preferredLanguage: 'en',
      payment: { status, amount: 45000, currency: 'EUR', reference, dueDate: '2027-01-31' },
    }) as StoredRegistration;

  /** A store of three people owing EUR 450.00 under fixed references; settling marks them paid. */
  function fakeDeps() {
    const regs = new Map<string, StoredRegistration>([
      ['ana', owing('ana', 'RF20AAAA00000001')],
      ['ben', owing('ben', 'RF07BBBB00000002')],
      ['dee', owing('dee', 'RF78DDDD00000004')],
    ]);
    const byRef = new Map([...regs.values()].map((r) => [r.payment?.reference ?? '', r.id]));
    let invoices = 0;
    const settled: string[] = [];
    const deps = {
      store: {
        get: async (id: string) => structuredClone(regs.get(id)),
        registrationIdByReference: async (_eventId: string, reference: string) => byRef.get(reference),
        nextInvoiceNumber: async () => {
          invoices += 1;
          return invoices;
        },
        settlePayment: async (reg: StoredRegistration, sets: Record<string, unknown>) => {
          const current = regs.get(reg.id);
          if (!current?.payment || current.payment.status !== 'due') return false;
          current.payment = { ...current.payment, status: sets['payment.status'] as 'paid' };
          settled.push(reg.id);
          return true;
        },
      },
      categories: { getCategory: async () => undefined },
      events: { getEvent: async () => testEvent('pay') },
      siteUrl: 'https://site.example',
      now: () => new Date('2027-01-21T09:00:00Z'),
    };
    return { deps, settled, regs };
  }

  const expectedReport = (format: 'csv' | 'camt.053', alreadyPaid: boolean) => ({
    format,
    lines: 5,
    duplicates: 1,
    matched: [
      expect.objectContaining({
        line: 1,
        reference: 'RF20AAAA00000001',
        registrationId: 'ana',
        amount: 45000,
        alreadyPaid,
      }),
      expect.objectContaining({
        line: 2,
        reference: 'RF07BBBB00000002',
        registrationId: 'ben',
        amount: 45000,
        alreadyPaid,
      }),
    ],
    unmatched: [
      expect.objectContaining({
        line: 3,
        reference: 'RF78DDDD00000004',
        registrationId: 'dee',
        amount: 40000,
        reason: 'amount-mismatch',
        expected: { amount: 45000, currency: 'EUR' },
      }),
      expect.objectContaining({ line: 4, reference: 'RF91CCCC00000003', amount: 45000, reason: 'unknown-reference' }),
      expect.objectContaining({ line: 5, amount: 15000, currency: 'EUR', reason: 'no-reference' }),
    ],
  });

  for (const [format, file, type] of [
    ['camt.053', 'camt053-statement.xml', 'application/xml'],
    ['csv', 'payments-statement.csv', 'text/csv; charset=utf-8'],
  ] as const) {
    it(`matches a ${format} statement: exact, spaced and lower case references; reports the rest; a re-import changes nothing`, async () => {
      const { deps, settled, regs } = fakeDeps();
      const statement = await readStatement(type, fixture(file));
      expect(await importStatement(deps, 'pay', statement)).toEqual(expectedReport(format, false));
      expect(settled).toEqual(['ana', 'ben']);
      // The wrong amount is reported, not paid.
      expect(regs.get('dee')?.payment?.status).toBe('due');
      expect(await importStatement(deps, 'pay', await readStatement(type, fixture(file)))).toEqual(
        expectedReport(format, true),
      );
      expect(settled).toEqual(['ana', 'ben']);
    });
  }

  it('refuses a body that is neither CSV nor XML, XML with a DOCTYPE, and a CSV without the columns', async () => {
    await expect(readStatement('application/json', '{}')).rejects.toThrow(/text\/csv or application\/xml/);
    await expect(readStatement('application/xml', '<!DOCTYPE x [<!ENTITY a "b">]><x/>')).rejects.toThrow(/DOCTYPE/);
    await expect(readStatement('application/xml', '<Document/>')).rejects.toThrow(/Not a camt.053/);
    await expect(readStatement('text/csv', 'when,who\n2027-01-01,Ana\n')).rejects.toThrow(
      /amount, currency and reference/,
    );
  });
});
