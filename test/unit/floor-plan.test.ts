import { describe, expect, it } from 'vitest';
import { demoSponsors } from '../../local/demo-conference.ts';
import { type Hall, hall } from '../../site/src/data/hall.ts';
import { boothAnchor, boothKey, labelFor, landmarkLabel, nameFor, planHall } from '../../site/src/lib/floor-plan.ts';

const small: Hall = {
  width: 20,
  height: 10,
  booths: [
    { id: 'A01', x: 0, y: 0, width: 4, height: 4 },
    { id: 'A02', x: 4, y: 0, width: 4, height: 4 },
    { id: 'B01', x: 0, y: 5, width: 8, height: 4 },
  ],
  landmarks: [],
};

describe('the floor plan', () => {
  it('puts each exhibitor on its booth, whatever the case or spaces the organisers typed', () => {
    const plan = planHall(small, [
      { name: 'Northwind', booth: 'a 01', href: '/exhibition/northwind/' },
      { name: 'Borealis', booth: 'B01', href: '/exhibition/borealis/' },
    ]);
    expect(plan.viewBox).toBe('0 0 20 10');
    expect(plan.booths.map((b) => [b.id, b.exhibitors.map((e) => e.name)])).toEqual([
      ['A01', ['Northwind']],
      ['A02', []],
      ['B01', ['Borealis']],
    ]);
    expect(plan.unplaced).toEqual([]);
  });

  it('lists exhibitors without a booth, or with a booth the hall lacks, as not on the plan', () => {
    const plan = planHall(small, [
      { name: 'No booth', href: '/a/' },
      { name: 'Elsewhere', booth: 'Z99', href: '/b/' },
    ]);
    expect(plan.unplaced.map((e) => e.name)).toEqual(['No booth', 'Elsewhere']);
    expect(plan.booths.every((b) => b.exhibitors.length === 0)).toBe(true);
  });

  it('keeps two exhibitors who share a booth, in the order given', () => {
    const plan = planHall(small, [
      { name: 'First', booth: 'A02', href: '/1/' },
      { name: 'Second', booth: 'A02', href: '/2/' },
    ]);
    expect(plan.booths[1]!.exhibitors.map((e) => e.name)).toEqual(['First', 'Second']);
  });

  it('centres a label in its booth, no taller than 40 % of it and narrow enough to fit', () => {
    expect(labelFor({ x: 0, y: 0, width: 4, height: 4 }, 'A01')).toEqual({ x: 2, y: 2.56, size: 1.6 });
    // A wide label in a narrow booth shrinks to its width: 0.85 × 2 / (0.62 × 3).
    expect(labelFor({ x: 10, y: 10, width: 2, height: 4 }, 'C03')).toEqual({ x: 11, y: 12.32, size: 0.91 });
    // Large stands keep a readable size, and move up when a name goes under the id.
    expect(labelFor({ x: 0, y: 0, width: 8, height: 6 }, 'C01', true)).toEqual({ x: 4, y: 3.29, size: 2.2 });
  });

  it('writes the exhibitor under the id, cut to the booth with an ellipsis', () => {
    expect(nameFor({ x: 0, y: 0, width: 8, height: 6 }, 'Borealis')).toEqual({
      x: 4,
      y: 4.68,
      size: 0.9,
      text: 'Borealis',
    });
    // 5 × 0.9 / (0.55 × 0.8) = 10 characters fit: whole words only, and room for the ellipsis.
    expect(nameFor({ x: 0, y: 0, width: 5, height: 4 }, 'Atlas Border Technologies')?.text).toBe('Atlas…');
    expect(nameFor({ x: 0, y: 0, width: 8, height: 6 }, 'Northwind Trade Systems')?.text).toBe('Northwind…');
    expect(nameFor({ x: 0, y: 0, width: 9, height: 6 }, 'Northwind Trade Systems')?.text).toBe('Northwind Trade…');
    // Not even the first word fits: only the id shows.
    expect(nameFor({ x: 0, y: 0, width: 4, height: 3.5 }, 'Northwind Trade Systems')).toBeUndefined();
    const plan = planHall(small, [{ name: 'Borealis', booth: 'A01', href: '/b/' }]);
    expect([plan.booths[0]?.name?.text, plan.booths[1]?.name]).toEqual(['Borealis', undefined]);
  });

  it('names fragment ids of booths the way exhibitor pages link to them', () => {
    expect([boothAnchor('A12'), boothAnchor('a 12'), boothAnchor('Hall 2/7')]).toEqual([
      'booth-A12',
      'booth-A12',
      'booth-HALL2-7',
    ]);
    expect(boothKey(' b 04 ')).toBe('B04');
  });

  it('has a demo hall whose booths are unique, inside the hall and never overlap', () => {
    const ids = hall.booths.map((b) => boothKey(b.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of hall.booths) {
      expect([b.x >= 0, b.y >= 0, b.x + b.width <= hall.width, b.y + b.height <= hall.height]).toEqual([
        true,
        true,
        true,
        true,
      ]);
    }
    const overlapping = hall.booths.flatMap((a, i) =>
      hall.booths
        .slice(i + 1)
        .filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        .map((b) => `${a.id}/${b.id}`),
    );
    expect(overlapping).toEqual([]);
    // Every demo exhibitor's booth is on the plan.
    expect(ids).toEqual(expect.arrayContaining(demoSponsors.map((s) => boothKey(s.booth))));
  });
});

describe('landmark labels', () => {
  it('shrink to fit their area', () => {
    expect(landmarkLabel({ x: 0, y: 0, width: 12, height: 3 }, 'Entrance')).toEqual({ x: 6, y: 1.99, size: 1.4 });
    // "Salle plénière": 8 × 0.9 / (0.58 × 14) = 0.89.
    expect(landmarkLabel({ x: 24, y: 24, width: 8, height: 5 }, 'Salle plénière')).toEqual({
      x: 28,
      y: 26.81,
      size: 0.89,
    });
  });
});
