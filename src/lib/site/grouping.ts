import { slugify } from "../content/slug.ts";

export interface SubsectionGroup<P> {
  /** The `###` heading. */
  title: string;
  /** Anchor on the section page. */
  anchor: string;
  practices: P[];
}

/** Anchor of a subsection on its section page. */
export function subsectionAnchor(title: string): string {
  return slugify(title);
}

/**
 * Orders practices as the source document does, using each one's position in
 * the source (section › subsection › title), so the handbook reads in the
 * source's order without an `order` field to keep in step by hand.
 */
export function sortBySource<P>(practices: readonly P[], position: (p: P) => number): P[] {
  return [...practices].sort((a, b) => position(a) - position(b));
}

/** Groups a section's practices under its subsections, in the section's order. */
export function groupBySubsection<P extends { subsection: string }>(
  subsections: readonly { title: string }[],
  practices: readonly P[],
): SubsectionGroup<P>[] {
  const bySubsection = groupBy(practices, (p) => p.subsection);
  return subsections.map((s) => ({
    title: s.title,
    anchor: subsectionAnchor(s.title),
    practices: bySubsection.get(s.title) ?? [],
  }));
}

/** Items by key, each list in the items' order: one pass, so pages over thousands of practices stay linear. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** For each practice, the other practices with the same title ("Follow-up" in two subsections). */
export function namesakes<P extends { id: string; title: string }>(practices: readonly P[]): Map<string, P[]> {
  const byTitle = groupBy(practices, (p) => p.title);
  return new Map(practices.map((p) => [p.id, byTitle.get(p.title)!.filter((o) => o.id !== p.id)]));
}

/**
 * The industries a practice applies to: those it carries itself plus those
 * whose page recommends it. One list (the industry page's highlights) decides
 * the tag, so the filter and the page can never disagree.
 */
export function industriesOf(
  practice: { id: string; industries: readonly string[] },
  industries: readonly { id: string; highlights: readonly { practice: string }[] }[],
): string[] {
  const tagged = new Set(practice.industries);
  for (const industry of industries) {
    if (industry.highlights.some((h) => h.practice === practice.id)) tagged.add(industry.id);
  }
  return industries.map((i) => i.id).filter((id) => tagged.has(id));
}

/** The neighbours of an item in a list, for previous/next links. */
export function neighbours<T>(list: readonly T[], index: number): { prev: T | undefined; next: T | undefined } {
  return { prev: index > 0 ? list[index - 1] : undefined, next: index < list.length - 1 ? list[index + 1] : undefined };
}

/** Groups items A–Z by the first letter of their title; anything else goes under "#". */
export function groupByLetter<T extends { title: string }>(items: readonly T[]): { letter: string; items: T[] }[] {
  const sorted = [...items].sort((a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" }));
  const groups = groupBy(sorted, (item) => {
    const first = item.title.normalize("NFD")[0]?.toUpperCase() ?? "#";
    return /[A-Z]/.test(first) ? first : "#";
  });
  return [...groups].map(([letter, items]) => ({ letter, items }));
}

/**
 * The sections a menu on every page lists: all of them in a handbook of
 * ordinary size, the first `limit` otherwise, so that every page does not grow
 * with the number of sections (the rest are a link away, on the home page).
 */
export function menuSections<T>(sections: readonly T[], limit = 12): { shown: T[]; more: number } {
  return sections.length <= limit
    ? { shown: [...sections], more: 0 }
    : { shown: sections.slice(0, limit), more: sections.length - limit };
}
