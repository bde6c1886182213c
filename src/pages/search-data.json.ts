import type { APIRoute } from "astro";
import { getHandbook } from "../data/handbook.ts";
import type { SuggestEntry } from "../lib/suggest.ts";
import { paths, withBase } from "../lib/urls.ts";

/** What the search UI needs besides Pagefind's index: filter ids and titles, and practice titles for typo-tolerant suggestions. */
export interface SearchData {
  sections: { id: string; title: string; url: string }[];
  industries: { id: string; title: string; url: string }[];
  practices: SuggestEntry[];
}

/** Fetched only once a reader shows intent to search, never on page load. */
export const GET: APIRoute = async () => {
  const { sections, industries, practices } = await getHandbook();
  const base = import.meta.env.BASE_URL;
  const titleOf = new Map(sections.map((s) => [s.id, s.title]));
  const data: SearchData = {
    sections: sections.map((s) => ({ id: s.id, title: s.title, url: withBase(base, paths.section(s.id)) })),
    industries: industries.map((i) => ({ id: i.id, title: i.title, url: withBase(base, paths.industry(i.id)) })),
    practices: practices.map((p) => ({
      title: p.title,
      url: withBase(base, paths.practice(p.id)),
      context: `${p.subsection} ${titleOf.get(p.sectionId)} ${p.source}`,
    })),
  };
  return new Response(JSON.stringify(data), { headers: { "content-type": "application/json" } });
};
