import { getHandbook } from "./handbook.ts";
import type { SuggestEntry } from "../lib/search/suggest.ts";
import { paths, withBase } from "../lib/site/urls.ts";

/** A practice as the search UI shows it before, or instead of, Pagefind's full-text result. */
export interface SearchPractice extends Omit<SuggestEntry, "context"> {
  /** Section id and title, subsection title, source text verbatim, industry ids. */
  section: string;
  sectionTitle: string;
  subsection: string;
  source: string;
  industries: string[];
}

/**
 * What the search UI needs besides Pagefind's index: filter ids and titles,
 * and every practice's title and source text, which give instant,
 * typo-tolerant results while the full-text index loads and suggestions when
 * it finds nothing.
 */
export interface SearchData {
  sections: { id: string; title: string; url: string }[];
  industries: { id: string; title: string; url: string }[];
  practices: SearchPractice[];
}

/** Built once per build and bundled into the search module, which loads only on intent. */
export async function buildSearchData(base: string): Promise<SearchData> {
  const { sections, industries, practices } = await getHandbook();
  const titleOf = new Map(sections.map((s) => [s.id, s.title]));
  const data: SearchData = {
    sections: sections.map((s) => ({ id: s.id, title: s.title, url: withBase(base, paths.section(s.id)) })),
    industries: industries.map((i) => ({ id: i.id, title: i.title, url: withBase(base, paths.industry(i.id)) })),
    practices: practices.map((p) => ({
      title: p.title,
      url: withBase(base, paths.practice(p.id)),
      section: p.sectionId,
      sectionTitle: titleOf.get(p.sectionId) ?? "",
      subsection: p.subsection,
      source: p.source,
      industries: p.industries,
    })),
  };
  return data;
}
