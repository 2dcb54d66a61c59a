/**
 * Importing a bank statement: each credit line is matched by its payment reference (any
 * case, any spacing, in the reference field or the remittance text) and marks the payment
 * paid when amount and currency are exactly what is owed. Everything else is reported: no
 * reference, an unknown one, a wrong amount (never marked paid), a payment not due. A line
 * seen twice counts once; importing the same statement again changes nothing.
 */
import { UnsupportedMediaTypeError } from '../core/errors.ts';
import type { ImportReport } from './manage-schemas.ts';
import { type PaymentDeps, type PaymentStore, settlePayment } from './payments.ts';
import { isValidReference, normaliseReference, referencesIn } from './reference.ts';
import type { Statement, StatementLine } from './statement.ts';

export type ImportDeps = PaymentDeps & {
  store: PaymentStore & { registrationIdByReference(eventId: string, reference: string): Promise<string | undefined> };
};

/**
 * The statement in a body, by its content type: CSV, or XML (camt.053). The parsers (csv-parse,
 * fast-xml-parser) are loaded on first use: only this route needs them.
 */
export async function readStatement(contentType: string | undefined, body: string): Promise<Statement> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') return (await import('./statement.ts')).readCsv(body);
  if (type === 'application/xml' || type === 'text/xml') return (await import('./statement.ts')).readCamt053(body);
  throw new UnsupportedMediaTypeError('Send the statement as text/csv or application/xml (camt.053).');
}

/** The references a line carries, best first: the reference field, then any valid one in the text. */
function referencesOf(line: StatementLine): { found: string[]; written?: string } {
  const written = line.reference?.trim() || undefined;
  const fromField = written && isValidReference(written) ? [normaliseReference(written)] : [];
  const fromText = referencesIn(`${written ?? ''} ${line.text}`);
  return { found: [...new Set([...fromField, ...fromText])], written };
}

export async function importStatement(deps: ImportDeps, eventId: string, statement: Statement): Promise<ImportReport> {
  const report: ImportReport = {
    format: statement.format,
    lines: statement.lines.length,
    duplicates: statement.duplicates,
    matched: [],
    unmatched: [],
  };
  for (const line of statement.lines) {
    const base = {
      line: line.line,
      ...(line.amount !== undefined ? { amount: line.amount } : {}),
      ...(line.currency ? { currency: line.currency } : {}),
      ...(line.bookedOn ? { bookedOn: line.bookedOn } : {}),
      ...(line.text ? { description: line.text.slice(0, 200) } : {}),
    };
    const { found, written } = referencesOf(line);
    if (line.amount === undefined || !line.currency) {
      report.unmatched.push({ ...base, ...(written ? { reference: written } : {}), reason: 'invalid-line' });
      continue;
    }
    let registrationId: string | undefined;
    let reference: string | undefined;
    for (const candidate of found) {
      registrationId = await deps.store.registrationIdByReference(eventId, candidate);
      if (registrationId) {
        reference = candidate;
        break;
      }
    }
    const reg = registrationId ? await deps.store.get(registrationId) : undefined;
    if (!reg?.payment || !reference) {
      const shown = found[0] ?? written;
      report.unmatched.push({
        ...base,
        ...(shown ? { reference: shown } : {}),
        reason: shown ? 'unknown-reference' : 'no-reference',
      });
      continue;
    }
    const owed = { amount: reg.payment.amount, currency: reg.payment.currency };
    const withReg = { ...base, reference, registrationId: reg.id };
    if (line.amount !== owed.amount || line.currency !== owed.currency) {
      report.unmatched.push({ ...withReg, reason: 'amount-mismatch', expected: owed });
      continue;
    }
    const name = `${reg.firstName} ${reg.lastName}`;
    if (reg.payment.status === 'paid') {
      report.matched.push({ ...withReg, name, alreadyPaid: true });
      continue;
    }
    const ended = reg.status === 'cancelled' || reg.status === 'rejected' || reg.status === 'expired';
    if (reg.payment.status !== 'due' || ended) {
      report.unmatched.push({ ...withReg, reason: 'not-due' });
      continue;
    }
    const bookedOn = line.bookedOn && /^\d{4}-\d{2}-\d{2}$/.test(line.bookedOn) ? line.bookedOn : undefined;
    const { changed } = await settlePayment(deps, reg, 'paid', bookedOn);
    report.matched.push({ ...withReg, name, alreadyPaid: !changed });
  }
  return report;
}
