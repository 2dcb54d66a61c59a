/**
 * The one-off move of booth staff and pass counters from SPONSOR#<sponsorId> to their own
 * partition (scripts/migrate-staff-keys.ts, scripts/staff-key-move.ts), on DynamoDB Local: a stage deployed before it
 * keeps its staff lists and passes, and erasures reach the list afterwards.
 */
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { regKey } from '../../functions/registrations/keys.ts';
import { createStaffSponsorNamer } from '../../functions/registrations/public.ts';
import { passesKey, staffKey } from '../../functions/sponsors/keys.ts';
import { createStaffStore } from '../../functions/sponsors/staff-store.ts';
import { moveStaffToOwnPartition } from '../../scripts/staff-key-move.ts';
import { freshTable } from './table.ts';

describe('moving booth staff to their own partition', () => {
  it('moves counters and staff, names the sponsor on their registrations, and moves nothing the second time', async () => {
    const { doc, tableName } = await freshTable('staff-move');
    const put = (Item: Record<string, unknown>) => doc.send(new PutCommand({ TableName: tableName, Item }));
    // The layout before: under the sponsor's own partition.
    await put({ PK: 'SPONSOR#north', SK: 'PROFILE', entity: 'sponsor', id: 'north', name: 'North' });
    await put({ PK: 'SPONSOR#north', SK: 'PASSES', entity: 'passes', used: 2 });
    const staff = (id: string, email: string) => ({
      entity: 'staff',
      sponsorId: 'north',
      registrationId: id,
      firstName: 'Rui',
      lastName: 'Costa',
      email,
      addedAt: '2027-01-10T10:00:00.000Z',
    });
    await put({ PK: 'SPONSOR#north', SK: 'STAFF#r1', ...staff('r1', 'rui@north.example') });
    await put({ PK: 'SPONSOR#north', SK: 'STAFF#r2', ...staff('r2', 'ana@north.example') });
    await put({ ...regKey('r1'), entity: 'registration', id: 'r1', status: 'confirmed' });
    // r2's registration was erased already: its staff entry moves all the same.

    const namer = createStaffSponsorNamer(doc, tableName);
    expect(await moveStaffToOwnPartition(doc, tableName, namer)).toEqual({ counters: 1, staff: 2 });

    const store = createStaffStore(doc, tableName);
    expect(await store.passesUsed('north')).toBe(2);
    expect((await store.listStaff('north')).map((s) => [s.registrationId, s.email]).sort()).toEqual([
      ['r1', 'rui@north.example'],
      ['r2', 'ana@north.example'],
    ]);
    const registration = (await doc.send(new GetCommand({ TableName: tableName, Key: regKey('r1') }))).Item;
    expect(registration?.sponsorId).toBe('north');
    expect((await doc.send(new GetCommand({ TableName: tableName, Key: regKey('r2') }))).Item).toBeUndefined();
    const left = ((await doc.send(new ScanCommand({ TableName: tableName }))).Items ?? [])
      .filter((i) => String(i.PK).startsWith('SPONSOR#'))
      .map((i) => i.SK);
    expect(left).toEqual(['PROFILE']);
    expect(await doc.send(new GetCommand({ TableName: tableName, Key: passesKey('north') }))).toMatchObject({
      Item: { used: 2 },
    });
    expect((await doc.send(new GetCommand({ TableName: tableName, Key: staffKey('north', 'r1') }))).Item?.email).toBe(
      'rui@north.example',
    );

    expect(await moveStaffToOwnPartition(doc, tableName, namer)).toEqual({ counters: 0, staff: 0 });
  });
});
