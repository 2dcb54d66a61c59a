import { tableDefinition } from './table.ts';

const keyAttributes = new Set<string>([
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  'entity',
]);

/**
 * A field written as one string before it became bilingual (`{ en, fr? }`): read as that text
 * in English, with no French form. Anything else is returned as it is.
 */
export const asBilingual = <T>(value: T | string): T | { en: string } =>
  typeof value === 'string' ? { en: value } : value;

/** An item without the table's key and index attributes: the entity as stored. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !keyAttributes.has(name))) as T;
}
