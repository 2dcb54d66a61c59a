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
  /** The exhibitor's name under the id, shortened to fit (absent for a free booth). */
  name?: { x: number; y: number; size: number; text: string };
};

export type Plan = {
  viewBox: string;
  booths: PlannedBooth[];
  /** Exhibitors whose booth is not drawn on this hall (none set, or an id the hall lacks). */
  unplaced: PlanExhibitor[];
};

/** Booth ids as organisers type them ("a 12", "A12") compare as one. */
export const boothKey = (id: string) => id.replace(/\s+/g, '').toUpperCase();

/**
 * The id's letters fit the booth: at most 40 % of its height (and 2.2 units), about 0.62 em
 * per character across; written a little above the middle when a name goes under it.
 */
export function labelFor(rect: Rect, text: string, withName = false): PlannedBooth['label'] {
  const size = Math.min(rect.height * 0.4, 2.2, (rect.width * 0.85) / (0.62 * Math.max(text.length, 1)));
  return {
    x: round(rect.x + rect.width / 2),
    y: round(rect.y + rect.height * (withName ? 0.42 : 0.5) + size * 0.35),
    size: round(size),
  };
}

/**
 * The exhibitor's name in small letters under the id, cut after the last whole word that fits
 * the booth's width, with "…" (whole words, so what shows is still words of the link's name);
 * none when not even the first word fits.
 */
export function nameFor(rect: Rect, name: string): PlannedBooth['name'] {
  const size = Math.min(0.9, rect.height * 0.2);
  const fits = Math.max(1, Math.floor((rect.width * 0.9) / (0.55 * size)));
  let text = name;
  if (name.length > fits) {
    const words = name.split(/\s+/);
    text = '';
    for (const word of words) {
      const next = text ? `${text} ${word}` : word;
      if (next.length + 1 > fits) break;
      text = next;
    }
    if (!text) return undefined;
    text = `${text}…`;
  }
  return { x: round(rect.x + rect.width / 2), y: round(rect.y + rect.height * 0.78), size: round(size), text };
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
    booths: hall.booths.map((spot) => {
      const here = byBooth.get(boothKey(spot.id)) ?? [];
      const names = here.map((e) => e.name).join(' · ');
      const name = here.length > 0 ? nameFor(spot, names) : undefined;
      return {
        ...spot,
        exhibitors: here,
        label: labelFor(spot, spot.id, name !== undefined),
        ...(name ? { name } : {}),
      };
    }),
    unplaced,
  };
}

/** The fragment id of a booth on the plan page, e.g. "booth-A12", so exhibitor pages can link to it. */
export const boothAnchor = (id: string) => `booth-${boothKey(id).replace(/[^A-Z0-9-]/g, '-')}`;

/** A landmark's label, centred, at most 1.4 units high and narrow enough for its area. */
export function landmarkLabel(rect: Rect, text: string): { x: number; y: number; size: number } {
  const size = Math.min(1.4, (rect.width * 0.9) / (0.58 * Math.max(text.length, 1)));
  return { x: round(rect.x + rect.width / 2), y: round(rect.y + rect.height / 2 + size * 0.35), size: round(size) };
}
