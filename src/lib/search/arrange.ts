/**
 * A new list of results in rank order, except that each pinned result still
 * in it keeps the place it has now: what the reader points at or has focused
 * does not move when results are refined, while everything else follows the
 * ranking in the places left. A pin past the new list's end, or on a place
 * another pin took, is dropped.
 */
export function arrange<T>(items: readonly T[], key: (item: T) => string, pinned: ReadonlyMap<string, number>): T[] {
  const slots: (T | undefined)[] = new Array<T | undefined>(items.length);
  const placed = new Set<T>();
  for (const item of items) {
    const at = pinned.get(key(item));
    if (at !== undefined && at < items.length && slots[at] === undefined) {
      slots[at] = item;
      placed.add(item);
    }
  }
  const rest = items.filter((item) => !placed.has(item));
  return slots.length ? Array.from(slots, (slot) => slot ?? rest.shift()!) : [];
}
