/** Which sessions overlap in time: touching intervals (10:00–11:00, 11:00–12:00) do not. */

export type Interval = { id: string; start: string; end: string };

export const overlap = (a: Interval, b: Interval) =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/** Every overlapping pair, each once, ordered by the first session's start. */
export function overlappingPairs<T extends Interval>(items: readonly T[]): [T, T][] {
  const sorted = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
  const pairs: [T, T][] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i] as T;
    for (let j = i + 1; j < sorted.length; j += 1) {
      const b = sorted[j] as T;
      if (Date.parse(b.start) >= Date.parse(a.end)) break;
      if (overlap(a, b)) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** The ids of the sessions that overlap at least one other. */
export function overlappingIds(items: readonly Interval[]): Set<string> {
  return new Set(
    overlappingPairs(items)
      .flat()
      .map((s) => s.id),
  );
}
