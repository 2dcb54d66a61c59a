/**
 * The floor plan's geometry: which exhibitor stands at which booth of the hall, and where each
 * booth's label goes. Pure functions, so the SVG component stays a thin template.
 */
import type { BoothSpot, Hall, Rect } from '../data/hall.ts';

/** An exhibitor as the plan needs it: a name, a booth (as the organisers typed it) and a page. */
export type PlanExhibitor = { name: string; booth?: string | undefined; href: string };

export type PlannedBooth = BoothSpot & {
  /** The exhibitors at this booth (usually one; none for a free booth). */
  exhibitors: PlanExhibitor[];
  /** Where the booth's id is written, and how large, in the hall's units. */
  label: { x: number; y: number; size: number };
};

export type Plan = {
  viewBox: string;
  booths: PlannedBooth[];
  /** Exhibitors whose booth is not drawn on this hall (none set, or an id the hall lacks). */
  unplaced: PlanExhibitor[];
};

/** Booth ids as organisers type them ("a 12", "A12") compare as one. */
export const boothKey = (id: string) => id.replace(/\s+/g, '').toUpperCase();

/** The id's letters fit the booth: at most 40 % of its height, and about 0.62 em per character across. */
export function labelFor(rect: Rect, text: string): PlannedBooth['label'] {
  const size = Math.min(rect.height * 0.4, (rect.width * 0.85) / (0.62 * Math.max(text.length, 1)));
  return {
    x: round(rect.x + rect.width / 2),
    y: round(rect.y + rect.height / 2 + size * 0.35),
    size: round(size),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function planHall(hall: Hall, exhibitors: PlanExhibitor[]): Plan {
  const byBooth = new Map<string, PlanExhibitor[]>();
  const unplaced: PlanExhibitor[] = [];
  const known = new Set(hall.booths.map((b) => boothKey(b.id)));
  for (const exhibitor of exhibitors) {
    const key = exhibitor.booth ? boothKey(exhibitor.booth) : '';
    if (!known.has(key)) {
      unplaced.push(exhibitor);
      continue;
    }
    byBooth.set(key, [...(byBooth.get(key) ?? []), exhibitor]);
  }
  return {
    viewBox: `0 0 ${hall.width} ${hall.height}`,
    booths: hall.booths.map((spot) => ({
      ...spot,
      exhibitors: byBooth.get(boothKey(spot.id)) ?? [],
      label: labelFor(spot, spot.id),
    })),
    unplaced,
  };
}

/** The fragment id of a booth on the plan page, e.g. "booth-A12", so exhibitor pages can link to it. */
export const boothAnchor = (id: string) => `booth-${boothKey(id).replace(/[^A-Z0-9-]/g, '-')}`;
