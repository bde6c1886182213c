import type { SuggestEntry } from "../search/suggest.ts";
import type { ListedPractice, PracticeList } from "../search/practice-list.ts";

/** The first folder of each page type; they say where a link pointed, not what it was about. */
const PAGE_FOLDERS = new Set(["practices", "sections", "industries", "search"]);

/**
 * The words of an address nobody publishes, to look for what the reader
 * meant: `/practices/folow-up-event/` → "folow up event". The base path,
 * page-type folders and `index.html` are dropped; the rest is decoded and
 * split on the separators ids use.
 */
export function queryFromPath(pathname: string, base = "/"): string {
  const trimmedBase = base.replace(/\/+$/, "");
  let path = pathname;
  if (trimmedBase && (path === trimmedBase || path.startsWith(`${trimmedBase}/`)))
    path = path.slice(trimmedBase.length);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  return decoded
    .split("/")
    .filter((segment) => segment && !PAGE_FOLDERS.has(segment.toLowerCase()))
    .map((segment) => segment.replace(/\.html?$/i, "").replace(/^index$/i, ""))
    .join(" ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ");
}

/** What the not-found page suggests from: every practice and section, each with its id's words as context (a mistyped link is a mistyped id). */
export function notFoundEntries(
  practices: readonly ListedPractice[],
  sections: PracticeList["sections"],
  sectionUrl: (id: string) => string,
): (SuggestEntry & { where: string })[] {
  const words = (id: string) => id.replace(/-/g, " ");
  return [
    ...sections.map((s) => ({ title: s.title, url: sectionUrl(s.id), context: words(s.id), where: "Section" })),
    ...practices.map((p) => ({
      title: p.title,
      url: p.url,
      context: `${words(p.id)} ${p.subsection}`,
      where: p.sectionTitle,
    })),
  ];
}
