/** The only code that knows how categories and their seat counters sit in the table. */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../core/dynamo.ts';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import { stripKeys } from '../core/items.ts';
import { queryAll } from '../core/query.ts';
import { type SiteRebuildRequest, siteRebuildItem } from '../core/site-rebuild.ts';
import { type TransactItem, transact } from '../core/transaction.ts';
import { categoriesOfEvent, categoryKey, type StoredCategory } from './keys.ts';
import type { Category } from './schemas.ts';

/** Rebuild requests linger a week at most (TTL), like unsent mail. */
const REBUILD_LIFETIME_SECONDS = 7 * 86_400;

export function createCategoryStore(doc: DocumentClient, tableName: string) {
  const rebuildPart = (request: SiteRebuildRequest): TransactItem => ({
    Put: {
      TableName: tableName,
      Item: siteRebuildItem(request, Math.floor(Date.parse(request.requestedAt) / 1000) + REBUILD_LIFETIME_SECONDS),
    },
  });

  return {
    /** A new category, and (when given) the request to rebuild the public pages, in one transaction. */
    async createCategory(eventId: string, category: Category, sortOrder: number, rebuild?: SiteRebuildRequest) {
      const outcome = await transact(doc, {
        category: {
          Put: {
            TableName: tableName,
            Item: {
              ...categoryKey(eventId, category.id),
              entity: 'category',
              ...category,
              taken: 0,
              waiting: 0,
              waitSeq: 0,
              sortOrder,
            },
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': 'PK' },
          },
        },
        rebuild: rebuild && rebuildPart(rebuild),
      });
      if (!outcome.ok) throw new ConflictError(`Category ${category.id} already exists.`);
    },

    async getCategory(eventId: string, categoryId: string): Promise<StoredCategory | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: categoryKey(eventId, categoryId), ConsistentRead: true }),
      );
      return Item ? stripKeys<StoredCategory>(Item) : undefined;
    },

    /** An event's categories in the organisers' order. */
    async listCategories(eventId: string): Promise<StoredCategory[]> {
      const { PK, skPrefix } = categoriesOfEvent(eventId);
      const categories = await queryAll<StoredCategory>(doc, { tableName, pk: PK, skPrefix });
      return categories.sort((a, b) => a.sortOrder - b.sortOrder);
    },

    /**
     * Changes a category. A new capacity may not fall below the seats taken; growing a full
     * category is followed by promotions from the waiting list (by the caller).
     */
    async updateCategory(
      eventId: string,
      categoryId: string,
      changes: Partial<Omit<Category, 'id'>>,
      rebuild?: SiteRebuildRequest,
    ): Promise<StoredCategory> {
      const names: Record<string, string> = { '#pk': 'PK' };
      const values: Record<string, unknown> = {};
      const sets = Object.entries(changes).map(([key, value], i) => {
        names[`#f${i}`] = key;
        values[`:v${i}`] = value;
        return `#f${i} = :v${i}`;
      });
      let condition = 'attribute_exists(#pk)';
      if (changes.capacity !== undefined) {
        names['#taken'] = 'taken';
        values[':capacity'] = changes.capacity;
        condition += ' AND #taken <= :capacity';
      }
      // An empty change still proves the category exists (and asks for no rebuild).
      if (sets.length === 0) {
        names['#entity'] = 'entity';
        sets.push('#entity = #entity');
      }
      const outcome = await transact(doc, {
        category: {
          Update: {
            TableName: tableName,
            Key: categoryKey(eventId, categoryId),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: condition,
            ExpressionAttributeNames: names,
            ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
          },
        },
        rebuild: rebuild && Object.keys(changes).length > 0 ? rebuildPart(rebuild) : undefined,
      });
      const current = await this.getCategory(eventId, categoryId);
      if (!current) throw new NotFoundError(`No category ${categoryId} in ${eventId}.`);
      if (!outcome.ok) throw new ConflictError('The capacity cannot be lower than the seats already taken.');
      return current;
    },

    /** The next waiting-list number of a category (gaps are harmless: order is what counts). */
    async nextWaitSeq(eventId: string, categoryId: string): Promise<number> {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: categoryKey(eventId, categoryId),
          UpdateExpression: 'ADD #seq :one',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#seq': 'waitSeq', '#pk': 'PK' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.waitSeq);
    },
  };
}

export type CategoryStore = ReturnType<typeof createCategoryStore>;
