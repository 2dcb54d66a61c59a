import { describe, expect, it } from 'vitest';
import { type ComparableProfile, diffLines, diffProfiles, fieldLines } from '../../site/src/lib/profile-diff.ts';

const words = { publicContact: 'public', privateContact: 'private' };

const live: ComparableProfile = {
  description: { en: 'Cloud platforms for customs.\nSingle windows.', fr: 'Plateformes infonuagiques.' },
  website: 'https://northwind.example.com',
  contacts: [{ name: 'Ana Ruiz', email: 'ana@northwind.example.com', public: true }],
  products: [{ name: { en: 'Declare', fr: 'Déclarer' } }],
  socialLinks: [],
};

describe('the review diff', () => {
  it('marks removed and added lines along what both versions keep', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual({
      before: [
        { text: 'a', mark: 'same' },
        { text: 'b', mark: 'removed' },
        { text: 'c', mark: 'same' },
      ],
      after: [
        { text: 'a', mark: 'same' },
        { text: 'c', mark: 'same' },
        { text: 'd', mark: 'added' },
      ],
    });
    expect(diffLines([], ['new'])).toEqual({ before: [], after: [{ text: 'new', mark: 'added' }] });
  });

  it('flags exactly the fields a draft changed', () => {
    const draft: ComparableProfile = {
      ...live,
      description: { en: 'Cloud platforms for customs.\nSingle windows and risk engines.', fr: live.description!.fr! },
      contacts: [{ name: 'Ana Ruiz', email: 'ana@northwind.example.com', public: false }],
      socialLinks: ['https://www.linkedin.com/company/northwind'],
    };
    const diff = diffProfiles(live, draft, words);
    expect(diff.filter((d) => d.changed).map((d) => d.field)).toEqual(['descriptionEn', 'contacts', 'social']);
    expect(diff.find((d) => d.field === 'descriptionEn')).toEqual({
      field: 'descriptionEn',
      changed: true,
      live: [
        { text: 'Cloud platforms for customs.', mark: 'same' },
        { text: 'Single windows.', mark: 'removed' },
      ],
      draft: [
        { text: 'Cloud platforms for customs.', mark: 'same' },
        { text: 'Single windows and risk engines.', mark: 'added' },
      ],
    });
    // A contact made private is a change the organisers see in words.
    expect(diff.find((d) => d.field === 'contacts')?.draft).toEqual([
      { text: 'Ana Ruiz · ana@northwind.example.com · private', mark: 'added' },
    ]);
  });

  it('shows every field of a first draft as added when nothing is live yet', () => {
    const diff = diffProfiles(undefined, live, words);
    expect(diff.filter((d) => d.changed).map((d) => d.field)).toEqual([
      'descriptionEn',
      'descriptionFr',
      'website',
      'contacts',
      'products',
    ]);
    expect(diff.every((d) => d.live.length === 0)).toBe(true);
  });

  it('finds nothing changed between a version and itself', () => {
    expect(diffProfiles(live, structuredClone(live), words).some((d) => d.changed)).toBe(false);
  });

  it('writes products with both names and indented descriptions', () => {
    expect(
      fieldLines(
        { ...live, products: [{ name: { en: 'Scan' }, description: { en: 'Line one\nLine two', fr: 'Ligne' } }] },
        'products',
        words,
      ),
    ).toEqual(['Scan', '  Line one', '  Line two', '  Ligne']);
  });
});
