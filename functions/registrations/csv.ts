/** Registrations as CSV that opens cleanly in a spreadsheet: UTF-8 with BOM, RFC 4180 quoting, no formulas. */
import { stringify } from 'csv-stringify/sync';
import type { Registration } from './schemas.ts';

export const CSV_COLUMNS = [
  'id',
  'status',
  'categoryId',
  'firstName',
  'lastName',
  'email',
  'organisation',
  'jobTitle',
  'country',
  'preferredLanguage',
  'visaLetter',
  'checkedInAt',
  'createdAt',
] as const;

// A cell starting with = + - @ (or a tab / carriage return) runs as a formula in spreadsheets.
const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function csvHeader(): string {
  return `\uFEFF${stringify([CSV_COLUMNS as unknown as string[]], { record_delimiter: '\r\n' })}`;
}

export function csvRows(items: Registration[]): string {
  if (items.length === 0) return '';
  const rows = items.map((r) => CSV_COLUMNS.map((c) => neutralise(r[c] === undefined ? '' : String(r[c]))));
  return stringify(rows, { quoted: true, record_delimiter: '\r\n' });
}
