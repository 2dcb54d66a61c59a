/**
 * The exhibition hall of the demo conference: where each booth stands.
 *
 * Organisers change the hall by editing this file (then the site is rebuilt):
 * - `width` and `height` are the hall's size in metres; every position below is in metres
 *   from the hall's top-left corner (x to the right, y downwards).
 * - `booths` lists every booth of the hall, empty or not: `id` is the booth name an organiser
 *   gives a sponsor in the console (e.g. "A12"; compared without regard to case or spaces),
 *   `x`, `y`, `width`, `height` its rectangle. A sponsor whose booth is not listed here is
 *   still shown on the exhibition pages, and listed under the plan as "not on the plan".
 * - `landmarks` are labelled areas (entrance, café, …) that help people find their way;
 *   they are drawn, and named in the plan's description, but are not links.
 */
export type Rect = { x: number; y: number; width: number; height: number };
export type BoothSpot = Rect & { id: string };
export type Landmark = Rect & { label: { en: string; fr: string } };
export type Hall = { width: number; height: number; booths: BoothSpot[]; landmarks: Landmark[] };

/** A row of `count` booths named `<row><nn>` from `first`, side by side from (x, y). */
function row(prefix: string, first: number, count: number, x: number, y: number, width: number, height: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${String(first + i).padStart(2, '0')}`,
    x: x + i * width,
    y,
    width,
    height,
  }));
}

/** A column of `count` booths named `<row><nn>` from `first`, one under the other from (x, y). */
function column(prefix: string, first: number, count: number, x: number, y: number, width: number, height: number) {
  return row(prefix, first, count, 0, 0, width, height).map((booth, i) => ({ ...booth, x, y: y + i * height }));
}

export const hall: Hall = {
  width: 40,
  height: 36,
  booths: [
    // Along the north wall, then down the east wall.
    ...row('A', 1, 8, 2, 1, 4.5, 4),
    ...column('A', 9, 8, 35, 6, 4, 3.5),
    // The central island, back to back.
    ...row('B', 1, 4, 2, 9, 5, 4),
    ...row('B', 5, 4, 2, 13, 5, 4),
    // Large stands.
    { id: 'C01', x: 24, y: 9, width: 8, height: 6 },
    { id: 'C02', x: 24, y: 16, width: 8, height: 6 },
    { id: 'C03', x: 2, y: 20, width: 9, height: 6 },
    { id: 'C04', x: 12, y: 20, width: 9, height: 6 },
  ],
  landmarks: [
    { label: { en: 'Entrance', fr: 'Entrée' }, x: 14, y: 33, width: 12, height: 3 },
    { label: { en: 'Café', fr: 'Café' }, x: 2, y: 28, width: 9, height: 4 },
    { label: { en: 'Plenary hall', fr: 'Salle plénière' }, x: 24, y: 25, width: 8, height: 5 },
  ],
};
