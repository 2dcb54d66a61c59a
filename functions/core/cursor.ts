import { BadRequestError } from './errors.ts';

/** Opaque pagination cursor: the DynamoDB LastEvaluatedKey, encoded so clients cannot depend on it. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined): Record<string, string> | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value);
      if (entries.length > 0 && entries.every(([, v]) => typeof v === 'string')) {
        return Object.fromEntries(entries) as Record<string, string>;
      }
    }
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestError('The cursor is not one this API issued.');
}
