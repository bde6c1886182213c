/**
 * What the first search needs besides Pagefind, published as JSON: the
 * filter names, and each practice's id and title with indexes into them. It
 * gives instant, typo-tolerant title matches while the full-text index loads
 * and suggestions when that finds nothing. It holds no body or source text,
 * so it grows by a line per practice, not with what the practices say.
 */
export interface PracticeList {
  sections: { id: string; title: string }[];
  industries: { id: string; title: string }[];
  subsections: string[];
  /** One row per practice: id, title, section index, subsection index, industry indexes. */
  practices: [id: string, title: string, section: number, subsection: number, industries: number[]][];
}

/** A practice as the build knows it, by ids and titles. */
export interface PracticeEntry {
  id: string;
  title: string;
  section: string;
  subsection: string;
  industries: string[];
}

/** A practice as the search interface uses it. */
export interface ListedPractice extends PracticeEntry {
  url: string;
  sectionTitle: string;
}

/** Packs the practices into a PracticeList. Fails on a section or industry the lists do not have. */
export function encodePracticeList(
  sections: PracticeList["sections"],
  industries: PracticeList["industries"],
  practices: readonly PracticeEntry[],
): PracticeList {
  const subsections = [...new Set(practices.map((p) => p.subsection))];
  const indexOf = (list: { id: string }[], id: string, what: string) => {
    const index = list.findIndex((x) => x.id === id);
    if (index < 0) throw new Error(`practice list: unknown ${what} "${id}"`);
    return index;
  };
  return {
    sections,
    industries,
    subsections,
    practices: practices.map((p) => [
      p.id,
      p.title,
      indexOf(sections, p.section, "section"),
      subsections.indexOf(p.subsection),
      p.industries.map((i) => indexOf(industries, i, "industry")),
    ]),
  };
}

/** Unpacks a PracticeList; `urlOf` gives a practice's URL from its id. */
export function decodePracticeList(list: PracticeList, urlOf: (id: string) => string): ListedPractice[] {
  return list.practices.map(([id, title, section, subsection, industries]) => ({
    id,
    title,
    url: urlOf(id),
    section: list.sections[section]?.id ?? "",
    sectionTitle: list.sections[section]?.title ?? "",
    subsection: list.subsections[subsection] ?? "",
    industries: industries.map((i) => list.industries[i]?.id ?? ""),
  }));
}

/** What the search code fetches on intent besides Pagefind (`/search/ui.json`): its markup and the practice list. */
export interface SearchUiData extends PracticeList {
  /** The <template>s of src/components/search/SearchTemplates.astro. */
  templates: string;
}

/** Where SearchUiData is published, below the base path. */
export const SEARCH_UI_PATH = "/search/ui.json";
