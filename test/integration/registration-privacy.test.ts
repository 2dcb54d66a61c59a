import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createEventsStore } from '../../functions/events/store.ts';
import { erase, openWithToken } from '../../functions/registrations/attendee.ts';
import { createCategoryStore } from '../../functions/registrations/category-store.ts';
import { register } from '../../functions/registrations/register.ts';
import { registrationDeps } from '../support/apps.ts';
import { testEvent } from '../support/events.ts';
import { verifyByEmail } from '../support/verify.ts';
import { freshTable } from './table.ts';

describe('attendee privacy', () => {
  it('erases every copy of a person (registration, needs, locks, first response, unsent mail) and hands the seat on', async () => {
    const { doc, tableName } = await freshTable('privacy');
    const events = createEventsStore(doc, tableName);
    await events.createEvent(testEvent('small', { name: { en: 'Small', fr: 'Petit' } }));
    await createCategoryStore(doc, tableName).createCategory(
      'small',
      { id: 'one-seat', name: { en: 'One seat' }, capacity: 1, waitlist: true, requiresApproval: false },
      0,
    );
    const deps = registrationDeps({ doc, tableName });
    const person = (email: string, language: 'en' | 'fr') => ({
      categoryId: 'one-seat',
      firstName: 'Erin',
      lastName: 'Example',
      email,
      organisation: 'Customs',
      country: 'IE',
      preferredLanguage: language,
      visaLetter: true,
      dietaryNeeds: 'No nuts',
      consent: { privacy: true as const },
    });
    const first = await register(deps, 'small', 'erase-key-1', person('erin@example.org', 'en'));
    await register(deps, 'small', 'erase-key-2', person('second@example.org', 'fr'));
    await verifyByEmail(deps, 'small', 'erin@example.org');
    const second = await verifyByEmail(deps, 'small', 'second@example.org');
    expect([second.status, second.waitlistPosition]).toEqual(['waitlisted', 1]);

    const all = async () => (await doc.send(new ScanCommand({ TableName: tableName }))).Items ?? [];
    const mention = (items: Record<string, unknown>[], text: string) =>
      items.filter((i) => JSON.stringify(i).includes(text));
    const token = /token=[^.]+\.([A-Za-z0-9_-]{43})/.exec(
      String(
        mention(await all(), 'erin@example.org').find((i) => i.entity === 'outbox' && /token=/.test(String(i.text)))!
          .text,
      ),
    )![1]!;

    await erase(deps, await openWithToken(deps.store, first.body.id, token));

    const remaining = await all();
    expect(mention(remaining, 'erin@example.org')).toEqual([]);
    expect(mention(remaining, first.body.id)).toEqual([]);
    expect(mention(remaining, 'No nuts').map((i) => i.PK)).toEqual([`REG#${second.id}`]);
    const promoted = remaining.find((i) => i.PK === `REG#${second.id}` && i.SK === 'REG')!;
    expect(promoted.status).toBe('confirmed');
    expect(mention(remaining, 'Une place vous revient').map((i) => i.to)).toEqual(['second@example.org']);
  });
});
