/**
 * The handbook as /lists/ needs it: for each practice its title, section,
 * one-liner and old ids, so a list can be shown, copied and printed without
 * loading the practices' pages. Published on /lists/ only, packed as rows
 * with the section titles given once.
 */
export interface ListsData {
  sections: [id: string, title: string][];
  /** One row per practice: id, title, section index, one-liner (the source line), old ids. */
  practices: [id: string, title: string, section: number, source: string, aliases: string[]][];
}

/** A practice as a list shows it. */
export interface ListedPractice {
  id: string;
  title: string;
  source: string;
  sectionId: string;
  sectionTitle: string;
}

/** A list entry: a practice, or an id the handbook no longer has (shown, never dropped). */
export type ListEntry = { id: string; practice: ListedPractice } | { id: string; practice: undefined };

/** Packs the practices; fails on a section the list does not have (a bug in the caller). */
export function encodeListsData(
  sections: readonly { id: string; title: string }[],
  practices: readonly (ListedPractice & { aliases: readonly string[] })[],
): ListsData {
  const index = new Map(sections.map((s, i) => [s.id, i]));
  return {
    sections: sections.map((s) => [s.id, s.title]),
    practices: practices.map((p) => {
      const section = index.get(p.sectionId);
      if (section === undefined) throw new Error(`lists data: unknown section "${p.sectionId}"`);
      return [p.id, p.title, section, p.source, [...p.aliases]];
    }),
  };
}

/** Looks practices up by id or old id. */
export interface PracticeIndex {
  /** The practice's current id for any id or old id; the id itself when the handbook has no such practice. */
  canonical(id: string): string;
  get(id: string): ListedPractice | undefined;
}

export function practiceIndex(data: ListsData): PracticeIndex {
  const byId = new Map<string, ListedPractice>();
  const aliasOf = new Map<string, string>();
  for (const [id, title, section, source, aliases] of data.practices) {
    const [sectionId = "", sectionTitle = ""] = data.sections[section] ?? [];
    byId.set(id, { id, title, source, sectionId, sectionTitle });
    for (const alias of aliases) aliasOf.set(alias, id);
  }
  // Current ids win over old ones: an alias may never shadow a practice that has that id now.
  const canonical = (id: string) => (byId.has(id) ? id : (aliasOf.get(id) ?? id));
  return { canonical, get: (id) => byId.get(canonical(id)) };
}

/**
 * The entries of a list of ids, in order: each id resolved through the old
 * ids, a practice listed twice (under an old and a new id, say) kept once, and
 * unknown ids kept as entries of their own.
 */
export function resolveEntries(ids: readonly string[], index: PracticeIndex): ListEntry[] {
  const seen = new Set<string>();
  const entries: ListEntry[] = [];
  for (const raw of ids) {
    const id = index.canonical(raw);
    if (seen.has(id)) continue;
    seen.add(id);
    const practice = index.get(id);
    entries.push(practice ? { id, practice } : { id, practice: undefined });
  }
  return entries;
}

/** "1 practice", "6 practices". */
export function countLabel(n: number): string {
  return `${n} ${n === 1 ? "practice" : "practices"}`;
}
