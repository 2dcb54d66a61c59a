/**
 * The review's side-by-side comparison: a submitted draft against the live version, field by
 * field, each field as lines of text, with the lines that were removed or added marked (so the
 * console can show the change in words and marks, not by colour alone). Pure functions.
 */

type Text = { en: string; fr?: string | undefined };

/** The parts of a profile version the review compares (ProfileContent of the sponsors API). */
export type ComparableProfile = {
  description?: Text | undefined;
  website?: string | undefined;
  logoUrl?: string | undefined;
  contacts: { name: string; email: string; phone?: string | undefined; public?: boolean | undefined }[];
  products: { name: Text; description?: Text | undefined }[];
  socialLinks: string[];
};

export const FIELDS = [
  'descriptionEn',
  'descriptionFr',
  'website',
  'logoUrl',
  'contacts',
  'products',
  'social',
] as const;
export type Field = (typeof FIELDS)[number];

export type Line = { text: string; mark: 'same' | 'removed' | 'added' };
export type FieldDiff = { field: Field; changed: boolean; live: Line[]; draft: Line[] };

/** Words the lines are written with (the console's language). */
export type DiffWords = { publicContact: string; privateContact: string };

const lines = (text: string | undefined) => (text ? text.replace(/\r\n?/g, '\n').split('\n') : []);

/** A field of a version as lines of text. */
export function fieldLines(profile: ComparableProfile | undefined, field: Field, words: DiffWords): string[] {
  if (!profile) return [];
  switch (field) {
    case 'descriptionEn':
      return lines(profile.description?.en);
    case 'descriptionFr':
      return lines(profile.description?.fr);
    case 'website':
      return lines(profile.website);
    case 'logoUrl':
      return lines(profile.logoUrl);
    case 'contacts':
      return profile.contacts.map((c) =>
        [c.name, c.email, c.phone, c.public ? words.publicContact : words.privateContact].filter(Boolean).join(' · '),
      );
    case 'products':
      return profile.products.flatMap((p) => [
        [p.name.en, p.name.fr].filter(Boolean).join(' / '),
        ...lines(p.description?.en).map((l) => `  ${l}`),
        ...lines(p.description?.fr).map((l) => `  ${l}`),
      ]);
    case 'social':
      return [...profile.socialLinks];
  }
}

/**
 * Marks the lines of `before` that `after` lacks as removed, and the lines of `after` that
 * `before` lacks as added, along their longest common subsequence (lines kept in order).
 */
export function diffLines(before: string[], after: string[]): { before: Line[]; after: Line[] } {
  const n = before.length;
  const m = after.length;
  const width = m + 1;
  // common(i, j): length of the longest common subsequence of before[i..] and after[j..].
  const table = new Int32Array((n + 1) * width);
  const common = (i: number, j: number) => table[i * width + j] ?? 0;
  const line = (lines: string[], i: number) => lines[i] ?? '';
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        line(before, i) === line(after, j) ? common(i + 1, j + 1) + 1 : Math.max(common(i + 1, j), common(i, j + 1));
    }
  }
  const left: Line[] = [];
  const right: Line[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (line(before, i) === line(after, j)) {
      left.push({ text: line(before, i++), mark: 'same' });
      right.push({ text: line(after, j++), mark: 'same' });
    } else if (common(i + 1, j) >= common(i, j + 1)) {
      left.push({ text: line(before, i++), mark: 'removed' });
    } else {
      right.push({ text: line(after, j++), mark: 'added' });
    }
  }
  while (i < n) left.push({ text: line(before, i++), mark: 'removed' });
  while (j < m) right.push({ text: line(after, j++), mark: 'added' });
  return { before: left, after: right };
}

/** Every field of the live version (absent before the first approval) beside the draft's. */
export function diffProfiles(
  live: ComparableProfile | undefined,
  draft: ComparableProfile,
  words: DiffWords,
): FieldDiff[] {
  return FIELDS.map((field) => {
    const { before, after } = diffLines(fieldLines(live, field, words), fieldLines(draft, field, words));
    const changed = before.some((l) => l.mark !== 'same') || after.some((l) => l.mark !== 'same');
    return { field, changed, live: before, draft: after };
  });
}
