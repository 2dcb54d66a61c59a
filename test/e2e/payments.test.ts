/**
 * Paying by bank transfer, end to end in Chromium: a delegate registers in a paid category and
 * confirms the address through the mailed link, so a payment with a reference is due; the
 * organiser imports a camt.053 statement in the console (the reference written in lower case
 * with spaces, plus a transfer nobody owes); the report names who matched and what did not,
 * and the delegate's registration is paid, with an invoice.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { creditorReference } from '../../functions/registrations/reference.ts';
import { accessibilityViolations, baseUrl, useBrowser } from './browser.ts';
import { manageToken, registerVerified } from './support-registrations.ts';

type Payment = {
  status: string;
  amount: number;
  currency: string;
  reference: string;
  invoiceNumber?: string;
};
type Manage = {
  id: string;
  status: string;
  categoryId: string;
  payment?: Payment;
};

const fixture = readFileSync(fileURLToPath(new URL('../fixtures/camt053-statement.xml', import.meta.url)), 'utf8');

/** One credit entry in the fixture's shape: booked, with its bank references and the remittance text. */
const entry = (n: number, amount: string, remittance: string) => `
      <Ntry>
        <NtryRef>P${n}</NtryRef>
        <Amt Ccy="EUR">${amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2027-02-01</Dt></BookgDt>
        <AcctSvcrRef>BANK-E2E-${n}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><AcctSvcrRef>TX-E2E-${n}</AcctSvcrRef></Refs>
          <Amt Ccy="EUR">${amount}</Amt>
          <RmtInf><Ustrd>${remittance}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;

/** The fixture's document (header, statement, account) with its entries replaced by `entries`. */
const statement = (entries: string) => {
  const start = fixture.indexOf('<Ntry>');
  const end = fixture.lastIndexOf('</Ntry>') + '</Ntry>'.length;
  expect([start > 0, end > start]).toEqual([true, true]);
  return `${fixture.slice(0, start).trimEnd()}${entries}\n    ${fixture.slice(end).trimStart()}`;
};

/** Texts compared with spaces of any kind (Intl uses no-break spaces) as plain spaces. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

const folder = mkdtempSync(join(tmpdir(), 'camt-e2e-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('bank statement import', () => {
  const browser = useBrowser();

  it('marks a transfer paid from a camt.053 statement and reports what did not match', async () => {
    const email = 'payer.camt@customs.example.org';
    const registered = await registerVerified(email, 'private-sector', 'Carla', { lastName: 'Transfer' });
    const { id } = registered;
    const manageUrl = `${baseUrl}/api/registrations/${id}`;
    // The secret of the mailed link, as the manage page uses it.
    const { secret } = await manageToken(email);
    const auth = { authorization: `Bearer ${secret}` };
    const view = async () => (await (await fetch(manageUrl, { headers: auth })).json()) as Manage;

    const before = await view();
    expect([before.status, before.payment?.status, before.payment?.amount, before.payment?.currency]).toEqual([
      'confirmed',
      'due',
      45000,
      'EUR',
    ]);
    const reference = before.payment!.reference;
    expect(reference).toMatch(/^RF\d{2}[0-9A-Z]{12}$/);
    expect(before.payment!.invoiceNumber).toBeUndefined();

    // The transfer as a person types the reference: lower case, in groups of four.
    const written = reference.toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');
    const unknown = creditorReference('ZZZZ0000ZZZZ');
    const path = join(folder, 'statement.xml');
    writeFileSync(
      path,
      statement(
        entry(1, '450.00', `Conference fee ${written} C. Transfer`) + entry(2, '450.00', `Fee ${unknown} Someone`),
      ),
    );

    const page = await browser.signedIn('organiser@example.org', '/console/registrations/');
    const form = page.locator('form', { has: page.locator('#statement') });
    await page.getByLabel('Statement file').setInputFiles(path);
    await form.getByRole('button', { name: 'Import', exact: true }).click();

    const report = page.locator('#import-report');
    await expect.poll(async () => plain(await report.locator('.notice').innerText())).toBe('1 matched, 1 not matched');
    const rows = async (heading: '.report-matched' | '.report-unmatched') =>
      (
        await report
          .locator(`${heading} + .table-scroll tbody tr`)
          .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')))
      ).map((cells) => cells.map(plain));
    const fee = plain(
      new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency: 'EUR',
      }).format(450),
    );
    expect(await report.locator('h3').allInnerTexts()).toEqual(['Matched', 'Not matched']);
    expect(await rows('.report-matched')).toEqual([[reference, fee, 'Carla Transfer', '']]);
    expect(await rows('.report-unmatched')).toEqual([[unknown, fee, '', 'Unknown reference']]);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The delegate's own view: paid, with the final invoice.
    const after = await view();
    expect([after.status, after.payment?.status, after.payment?.reference]).toEqual(['confirmed', 'paid', reference]);
    const number = after.payment?.invoiceNumber ?? '';
    expect(number).toMatch(/^CITCE-2027-\d{5}$/);
    const invoice = await fetch(`${manageUrl}/invoice.pdf`, { headers: auth });
    expect([invoice.status, invoice.headers.get('content-type'), invoice.headers.get('content-disposition')]).toEqual([
      200,
      'application/pdf',
      `inline; filename="invoice-${number}.pdf"`,
    ]);
    expect(new TextDecoder().decode((await invoice.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });
});
