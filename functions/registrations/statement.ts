/**
 * Bank statements read into credit lines: CSV (a header row; comma or semicolon) and
 * ISO 20022 camt.053 (BkToCstmrStmt, any version: namespaces are ignored). Amounts stay text
 * until parseAmount turns them into minor units. A line seen twice (same bank reference, or
 * the same date, amount, reference and text) is kept once and counted as a duplicate.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { UnprocessableError } from '../core/errors.ts';
import { parseAmount } from './money.ts';

export type StatementLine = {
  line: number;
  amount?: number;
  currency?: string;
  /** The reference field as written (CSV `reference`, camt structured creditor reference). */
  reference?: string;
  /** Free text where a reference may hide (remittance information, description). */
  text: string;
  bookedOn?: string;
  name?: string;
};

export type Statement = { format: 'csv' | 'camt.053'; lines: StatementLine[]; duplicates: number };

/** Keeps the first of lines with the same identity. */
function unique(format: Statement['format'], lines: { key: string; line: StatementLine }[]): Statement {
  const seen = new Set<string>();
  const kept: StatementLine[] = [];
  for (const { key, line } of lines) {
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(line);
  }
  return { format, lines: kept, duplicates: lines.length - kept.length };
}

const COLUMNS: Record<string, string[]> = {
  amount: ['amount', 'credit', 'montant', 'betrag'],
  currency: ['currency', 'ccy', 'devise', 'währung'],
  reference: ['reference', 'ref', 'référence', 'creditor reference', 'payment reference'],
  text: ['description', 'remittance', 'remittance information', 'details', 'libellé', 'communication'],
  date: ['date', 'booking date', 'value date', 'date de valeur'],
  name: ['name', 'payer', 'debtor', 'ordering party', 'donneur d’ordre'],
  id: ['id', 'transaction id', 'bank reference', 'entry reference'],
};

export function readCsv(body: string): Statement {
  const firstLine = body.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(body, {
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new UnprocessableError(`This CSV cannot be read: ${(error as Error).message}`);
  }
  const header = Object.keys(rows[0] ?? {});
  const column = (field: string) => COLUMNS[field]?.find((name) => header.includes(name));
  const [amountColumn, currencyColumn] = [column('amount'), column('currency')];
  if (rows.length > 0 && (!amountColumn || !currencyColumn || !(column('reference') || column('text')))) {
    throw new UnprocessableError('The CSV needs amount, currency and reference (or description) columns.');
  }
  const lines = rows.flatMap((row, i) => {
    const get = (field: string) => {
      const name = column(field);
      return name ? (row[name] ?? '').trim() : '';
    };
    const currency = get('currency').toUpperCase();
    const amountText = get('amount');
    // Debits (negative amounts) are not payments to us.
    if (amountText.startsWith('-')) return [];
    const line: StatementLine = {
      line: i + 1,
      amount: /^[A-Z]{3}$/.test(currency) ? parseAmount(amountText, currency) : undefined,
      currency: currency || undefined,
      reference: get('reference') || undefined,
      text: get('text'),
      bookedOn: get('date') || undefined,
      name: get('name') || undefined,
    };
    const id = get('id');
    const key = id
      ? `id:${id}`
      : JSON.stringify([line.bookedOn, amountText, currency, line.reference, line.text, line.name]);
    return [{ key, line }];
  });
  return unique('csv', lines);
}

type Node = Record<string, unknown>;
const asArray = (value: unknown): Node[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((v): v is Node => typeof v === 'object');
const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'object' && value ? String((value as Node)['#text'] ?? '') : '';
const child = (node: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, name) => (at && typeof at === 'object' ? (at as Node)[name] : undefined), node);

export function readCamt053(body: string): Statement {
  // Statements need no document type; refusing it rules out entity expansion attacks.
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new UnprocessableError('XML with a DOCTYPE is not accepted.');
  let doc: Node;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
    }).parse(body, true) as Node;
  } catch (error) {
    throw new UnprocessableError(`This XML cannot be read: ${(error as Error).message}`);
  }
  const statements = asArray(child(doc, 'Document', 'BkToCstmrStmt', 'Stmt'));
  if (statements.length === 0) throw new UnprocessableError('Not a camt.053 statement (no BkToCstmrStmt/Stmt).');
  const lines: { key: string; line: StatementLine }[] = [];
  let position = 0;
  for (const statement of statements) {
    for (const entry of asArray(statement.Ntry)) {
      position += 1;
      if (textOf(entry.CdtDbtInd) !== 'CRDT') continue;
      const entryAmount = entry.Amt;
      const bookedOn = (textOf(child(entry, 'BookgDt', 'Dt')) || textOf(child(entry, 'BookgDt', 'DtTm'))).slice(0, 10);
      const entryRef = textOf(entry.AcctSvcrRef) || textOf(entry.NtryRef);
      const txs = asArray(entry.NtryDtls).flatMap((d) => asArray(d.TxDtls));
      const parts = txs.length > 0 ? txs : [undefined];
      for (const [t, tx] of parts.entries()) {
        const amountNode = child(tx, 'AmtDtls', 'TxAmt', 'Amt') ?? child(tx, 'Amt') ?? entryAmount;
        const currency = String((amountNode as Node | undefined)?.['@Ccy'] ?? '').toUpperCase();
        const amountText = textOf(amountNode);
        const structured = asArray(child(tx, 'RmtInf', 'Strd'))
          .map((s) => textOf(child(s, 'CdtrRefInf', 'Ref')))
          .filter(Boolean);
        const unstructured = [child(tx, 'RmtInf', 'Ustrd')].flat().map(textOf).filter(Boolean);
        const name =
          textOf(child(tx, 'RltdPties', 'Dbtr', 'Nm')) ||
          textOf(child(tx, 'RltdPties', 'Dbtr', 'Pty', 'Nm')) ||
          undefined;
        const line: StatementLine = {
          line: position,
          amount: /^[A-Z]{3}$/.test(currency) ? parseAmount(amountText, currency) : undefined,
          currency: currency || undefined,
          reference: structured[0],
          text: [...structured.slice(1), ...unstructured, textOf(entry.AddtlNtryInf)].filter(Boolean).join(' '),
          bookedOn: bookedOn || undefined,
          name,
        };
        const txRef = textOf(child(tx, 'Refs', 'AcctSvcrRef')) || textOf(child(tx, 'Refs', 'TxId'));
        const key = txRef
          ? `tx:${txRef}`
          : entryRef
            ? `entry:${entryRef}#${t}`
            : JSON.stringify([bookedOn, amountText, currency, line.reference, line.text]);
        lines.push({ key, line });
      }
    }
  }
  return unique('camt.053', lines);
}
