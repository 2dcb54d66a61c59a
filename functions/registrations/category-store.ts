/** The only code that knows how categories and their seat counters sit in the table. */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../core/aws-errors.ts';
import type { DocumentClient } from '../core/dynamo.ts';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import { stripKeys } from '../core/items.ts';
import { putNew } from '../core/put-new.ts';
import { queryAll } from '../core/query.ts';
import { categoriesOfEvent, categoryKey, type StoredCategory } from './keys.ts';
import type { Category } from './schemas.ts';

export function createCategoryStore(doc: DocumentClient, tableName: string) {
  return {
    async createCategory(eventId: string, category: Category, sortOrder: number) {
      await putNew(
        doc,
        tableName,
        {
          ...categoryKey(eventId, category.id),
          entity: 'category',
          ...category,
          taken: 0,
          waiting: 0,
          waitSeq: 0,
          sortOrder,
        },
        `Category ${category.id}`,
      );
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
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: categoryKey(eventId, categoryId),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return stripKeys<StoredCategory>(Attributes ?? {});
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if (!(await this.getCategory(eventId, categoryId)))
          throw new NotFoundError(`No category ${categoryId} in ${eventId}.`);
        throw new ConflictError('The capacity cannot be lower than the seats already taken.');
      }
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
