import type { SavedList, WorkingList } from "./storage.ts";

/**
 * Limits on a list, whether typed, stored or arriving in a link: a link
 * stays short enough for chat apps and email clients to keep whole (a few
 * thousand characters), and a list stays something a person reads.
 */
export const LIMITS = { title: 120, note: 500, ids: 200, idLength: 100 } as const;

/** What `capList` cut, for a message the reader can see. */
export type Cut = "title" | "note" | "ids";

/** The list within LIMITS, and what had to be cut to get there. */
export function capList(list: WorkingList): { list: WorkingList; cut: Cut[] } {
  const cut: Cut[] = [];
  const title = [...list.title];
  const note = [...list.note];
  // Ids longer than any practice id are noise (a mangled link), not practices to keep.
  const ids = list.ids.map((id) => id.slice(0, LIMITS.idLength));
  if (title.length > LIMITS.title) cut.push("title");
  if (note.length > LIMITS.note) cut.push("note");
  if (ids.length > LIMITS.ids) cut.push("ids");
  return {
    list: {
      // By code points, so an emoji is never split in half.
      title: title.slice(0, LIMITS.title).join(""),
      note: note.slice(0, LIMITS.note).join(""),
      ids: ids.slice(0, LIMITS.ids),
    },
    cut,
  };
}

/** The sentence that tells the reader what was cut. */
export function cutMessage(cut: readonly Cut[]): string {
  if (!cut.length) return "";
  const parts = cut.map(
    (c) =>
      ({
        title: `the title to ${LIMITS.title} characters`,
        note: `the note to ${LIMITS.note} characters`,
        ids: `the list to its first ${LIMITS.ids} practices`,
      })[c],
  );
  const joined = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
  return `This list was longer than a list can be, so it was shortened: ${joined}.`;
}

/** The ids with the one at `index` moved by `by` places (−1 up, +1 down); unchanged at either end. */
export function moveId(ids: readonly string[], index: number, by: -1 | 1): string[] {
  const to = index + by;
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return [...ids];
  const moved = [...ids];
  [moved[index], moved[to]] = [moved[to]!, moved[index]!];
  return moved;
}

/** The ids without the one at `index`. */
export function removeAt(ids: readonly string[], index: number): string[] {
  return ids.filter((_, i) => i !== index);
}

/**
 * Adds `id` to the end of the list or takes it out, matching it and the
 * list's entries by their canonical id (`canonical`), so a practice listed
 * under an old id is not added twice. `full` when the list is at its limit
 * and nothing was added.
 */
export function toggleId(
  list: WorkingList,
  id: string,
  canonical: (id: string) => string = (x) => x,
): { list: WorkingList; added: boolean; full: boolean } {
  const target = canonical(id);
  const kept = list.ids.filter((x) => canonical(x) !== target);
  if (kept.length < list.ids.length) return { list: { ...list, ids: kept }, added: false, full: false };
  if (list.ids.length >= LIMITS.ids) return { list, added: false, full: true };
  return { list: { ...list, ids: [...list.ids, target] }, added: true, full: false };
}

/** Whether the list holds the practice, under its id or an old one. */
export function listHas(list: WorkingList, id: string, canonical: (id: string) => string = (x) => x): boolean {
  const target = canonical(id);
  return list.ids.some((x) => canonical(x) === target);
}

/**
 * The saved lists with `list` added first. Saving the same list again (same
 * title, note and practices) moves it to the top with the new date instead
 * of keeping two copies.
 */
export function addSaved(saved: readonly SavedList[], list: WorkingList, now: Date): SavedList[] {
  const same = (s: SavedList) => s.title === list.title && s.note === list.note && s.ids.join() === list.ids.join();
  return [
    { title: list.title, note: list.note, ids: [...list.ids], saved: now.toISOString() },
    ...saved.filter((s) => !same(s)),
  ];
}
