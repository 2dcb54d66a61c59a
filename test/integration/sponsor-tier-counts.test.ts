/**
 * The tiers item counts the sponsors holding each tier, in the same transactions that give a
 * sponsor a tier, so a tier cannot be removed while a sponsor holds it, whatever the sponsors'
 * index (read eventually) says at that moment; and the one-off count for stages deployed
 * before (scripts/count-tier-holders.ts), on DynamoDB Local.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { StaleVersionError, UnprocessableError } from '../../functions/core/errors.ts';
import { eventSponsorsIndex, type StoredSponsor, sponsorKey, tiersKey } from '../../functions/sponsors/keys.ts';
import type { OrganiserDeps } from '../../functions/sponsors/organisers.ts';
import { createSponsor, putTiers } from '../../functions/sponsors/organisers.ts';
import type { Tier } from '../../functions/sponsors/schemas.ts';
import { createSponsorsStore, TiersHeldError } from '../../functions/sponsors/store.ts';
import { EMPTY_CONTENT } from '../../functions/sponsors/views.ts';
import { countTierHolders } from '../../scripts/tier-holder-count.ts';
import { freshTable } from './table.ts';

const tier = (id: string, rank: number): Tier => ({ id, name: { en: id }, rank, staffPasses: 2, benefits: [] });
const sponsor = (id: string, tierId: string): StoredSponsor => ({
  id,
  eventId: 'ev',
  name: id,
  tier: tierId,
  state: 'draft',
  published: false,
  draft: EMPTY_CONTENT,
  version: 1,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
});

describe('sponsor tier counts', () => {
  it('counts each tier’s sponsors and removes only a tier nobody holds', async () => {
    const { doc, tableName } = await freshTable('tier-counts');
    const store = createSponsorsStore(doc, tableName);
    const held = async () =>
      (await doc.send(new GetCommand({ TableName: tableName, Key: tiersKey('ev') }))).Item?.held as Record<
        string,
        number
      >;
    await store.putTiers('ev', [tier('gold', 1), tier('silver', 2)], 0);
    expect(await held()).toEqual({ gold: 0, silver: 0 });

    await expect(store.createSponsor(sponsor('nowhere', 'bronze'))).rejects.toThrow(UnprocessableError);
    await store.createSponsor(sponsor('north', 'gold'));
    await store.createSponsor(sponsor('south', 'gold'));
    expect(await held()).toEqual({ gold: 2, silver: 0 });

    // Gold is held: the list without it is refused, and nothing changes.
    const refused = await store.putTiers('ev', [tier('silver', 2)], 1).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TiersHeldError);
    expect((refused as TiersHeldError).held).toEqual({ gold: 2 });
    expect(await store.getTiers('ev')).toMatchObject({ version: 1, items: [{ id: 'gold' }, { id: 'silver' }] });

    // A new tier starts at zero; kept ones keep their counts.
    await store.putTiers('ev', [tier('gold', 1), tier('silver', 2), tier('bronze', 3)], 1);
    expect(await held()).toEqual({ gold: 2, silver: 0, bronze: 0 });

    // Moving a sponsor moves its count, once: a move from a tier it no longer holds is stale.
    const north = (await store.getSponsor('north'))!;
    await store.changeSponsor(north, {}, { sets: { tier: 'silver' }, bump: false });
    await expect(store.changeSponsor(north, {}, { sets: { tier: 'bronze' }, bump: false })).rejects.toThrow(
      StaleVersionError,
    );
    await store.changeSponsor((await store.getSponsor('south'))!, {}, { sets: { tier: 'silver' }, bump: false });
    expect(await held()).toEqual({ gold: 0, silver: 2, bronze: 0 });
    // A write of the same tier from a stale read (a booth change sends the tier too) cannot put
    // the sponsor back where the counts no longer have it.
    await expect(store.changeSponsor(north, {}, { sets: { tier: 'gold', booth: 'A01' }, bump: false })).rejects.toThrow(
      StaleVersionError,
    );
    expect((await store.getSponsor('north'))?.tier).toBe('silver');
    expect(await held()).toEqual({ gold: 0, silver: 2, bronze: 0 });
    expect((await store.getSponsor('north'))?.tier).toBe('silver');

    // Nobody holds gold now: it goes, and a sponsor cannot be moved into it any more.
    await store.putTiers('ev', [tier('silver', 2), tier('bronze', 3)], 2);
    expect(await held()).toEqual({ silver: 2, bronze: 0 });
    await expect(
      store.changeSponsor((await store.getSponsor('north'))!, {}, { sets: { tier: 'gold' }, bump: false }),
    ).rejects.toThrow(UnprocessableError);
    expect(await held()).toEqual({ silver: 2, bronze: 0 });
  });

  it('refuses to remove a held tier even when the sponsors’ index does not show its holder yet', async () => {
    const { doc, tableName } = await freshTable('tier-lag');
    const store = createSponsorsStore(doc, tableName);
    await store.putTiers('ev', [tier('gold', 1), tier('silver', 2)], 0);
    await store.createSponsor(sponsor('north', 'gold'));
    // The index as it may read a moment after the sponsor was added: without it.
    const deps = {
      store: { ...store, listSponsors: async () => [] },
      events: { getEvent: async () => ({ id: 'ev' }) },
    } as unknown as OrganiserDeps;
    await expect(putTiers(deps, 'ev', [tier('silver', 2)], 1)).rejects.toMatchObject({
      status: 409,
      message: '1 sponsor(s) hold a tier this list leaves out: 1 just added (gold). Move them to another tier first.',
    });
    expect((await store.getTiers('ev')).items.map((t) => t.id)).toEqual(['gold', 'silver']);
  });

  it('counts the holders of tiers written before the counts, once', async () => {
    const { doc, tableName } = await freshTable('tier-migrate');
    const put = (Item: Record<string, unknown>) => doc.send(new PutCommand({ TableName: tableName, Item }));
    // The layout before: a tiers item without counts, and sponsors written with their tier.
    await put({
      ...tiersKey('ev'),
      entity: 'tiers',
      eventId: 'ev',
      items: [tier('gold', 1), tier('silver', 2)],
      version: 3,
    });
    for (const [id, tierId] of [
      ['north', 'gold'],
      ['south', 'gold'],
      ['east', 'silver'],
    ] as const) {
      await put({
        ...sponsorKey(id),
        entity: 'sponsor',
        ...eventSponsorsIndex('ev', { id, name: id }),
        ...sponsor(id, tierId),
      });
    }
    // One left on a tier the list lost before the counts existed (the stranding they prevent).
    await put({
      ...sponsorKey('lost'),
      entity: 'sponsor',
      ...eventSponsorsIndex('ev', { id: 'lost', name: 'lost' }),
      ...sponsor('lost', 'bronze'),
    });
    const store = createSponsorsStore(doc, tableName);
    // Until counted, a change that needs the counts answers 503 naming the script, and changes nothing.
    const waiting = {
      status: 503,
      message: 'The sponsor tiers of ev wait for a one-off count of their sponsors (scripts/count-tier-holders.ts).',
    };
    await expect(store.putTiers('ev', [tier('gold', 1)], 3)).rejects.toMatchObject(waiting);
    await expect(store.createSponsor(sponsor('west', 'gold'))).rejects.toMatchObject(waiting);
    expect(await store.getSponsor('west')).toBeUndefined();

    expect(await countTierHolders(doc, tableName)).toEqual({
      events: 1,
      unlisted: [{ eventId: 'ev', sponsorId: 'lost', tier: 'bronze' }],
    });
    const item = (await doc.send(new GetCommand({ TableName: tableName, Key: tiersKey('ev') }))).Item;
    expect({ held: item?.held, version: item?.version }).toEqual({
      held: { gold: 2, silver: 1, bronze: 1 },
      version: 3,
    });
    expect(await countTierHolders(doc, tableName)).toEqual({ events: 0, unlisted: [] });

    // Counted, a tier the list lost cannot be given to anyone.
    const deps = {
      store,
      events: { getEvent: async () => ({ id: 'ev' }) },
      now: () => new Date(),
    } as unknown as OrganiserDeps;
    await expect(createSponsor(deps, 'ev', { name: 'Newcomer', tier: 'bronze' })).rejects.toMatchObject({
      status: 422,
    });
    await store.createSponsor(sponsor('west', 'silver'));
    await expect(store.putTiers('ev', [tier('gold', 1)], 3)).rejects.toThrow(TiersHeldError);
    // The lost sponsor's tier stays until it is moved; then it goes with the next list.
    await expect(store.putTiers('ev', [tier('gold', 1), tier('silver', 2)], 3)).rejects.toMatchObject({
      held: { bronze: 1 },
    });
    await store.changeSponsor((await store.getSponsor('lost'))!, {}, { sets: { tier: 'silver' }, bump: false });
    await store.putTiers('ev', [tier('gold', 1), tier('silver', 2)], 3);
    expect((await doc.send(new GetCommand({ TableName: tableName, Key: tiersKey('ev') }))).Item?.held).toEqual({
      gold: 2,
      silver: 3,
    });
  });
});
