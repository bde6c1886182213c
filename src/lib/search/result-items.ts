/** The search results as the interface shows them: each result's item, where it sits, its link and what the list says about them. */
import { bodyExcerpt, declaredQuestions, questionExcerpt, type ExcerptPart } from "./excerpt.ts";
import type { FilterName, ResultData } from "./pagefind-client.ts";
import { meaningfulTerms } from "./query.ts";

export interface ResultItem {
  /** The page's URL: the same result across refinements and queries. */
  key: string;
  /** The title: the link's whole accessible name, unmarked so it reads as a title (the excerpt shows the matches). */
  title: ExcerptPart[];
  /** Where the result sits: "Section › Subsection" for a practice, else the kind of page. */
  where: string;
  href: string;
  /** A practice's one-line advice, verbatim; empty for other pages and for instant results. */
  source: string;
  /** Words from the body around the matches (see bodyExcerpt); empty for instant results. */
  excerpt: ExcerptPart[];
  /** An instant result, from the title alone: its one-liner and excerpt come with the full-text results. */
  partial: boolean;
}

export interface Chip {
  id: string;
  title: string;
  count: number;
  pressed: boolean;
}

export interface ChipGroup {
  key: "sections" | "industries";
  filter: FilterName;
  label: string;
  chips: Chip[];
}

/** What shows below the results when there are none: close titles to try, or that search failed to load. */
export type EmptyState =
  { kind: "suggestions"; close: { title: string; url: string }[]; lead: string } | { kind: "failed"; message: string };

/** Where the controller's output goes: the DOM in the browser, a recording in tests. */
export interface SearchRenderer {
  /** Results are still being refined (instant, first, all) while busy. */
  busy(busy: boolean): void;
  /**
   * The list to show and what to say about it; `more` results can still be
   * shown ("Show more"). Without a status and count, the list is an
   * intermediate step and what was said stands.
   */
  results(items: ResultItem[], status?: string, more?: number): void;
  /** Keys of the results the reader is pointing at or has focused: these keep their place when the list changes. */
  held?(): string[];
  chips(groups: ChipGroup[]): void;
  empty(state: EmptyState | null): void;
}

/** What a query is about, for matching titles: its meaningful words ("how do I find a mentor" → "find mentor"). */
export const topic = (query: string) => meaningfulTerms(query).join(" ");

/** "Section › Subsection" for a practice, else what kind of page a result is. */
export function whereOf(result: Pick<ResultData, "type" | "section" | "subsection">): string {
  if (result.type === "practice") return `${result.section} › ${result.subsection}`;
  return { section: "Section", industry: "Industry" }[result.type] ?? "Page";
}

/** A result's link, carrying the query for the page it opens to highlight. Paths stay site-relative. */
export function resultHref(url: string, query: string, param: string): string {
  const parsed = new URL(url, "http://site");
  if (query.trim()) parsed.searchParams.set(param, query.trim());
  return parsed.pathname + parsed.search + parsed.hash;
}

const KINDS: [type: string, one: string, many: string][] = [
  ["practice", "practice", "practices"],
  ["section", "section", "sections"],
  ["industry", "industry page", "industry pages"],
];

/**
 * What a search found, by kind when the counts by page type are known:
 * "41 practices.", "41 practices and 2 sections, showing 10.", else
 * "43 results, showing 10."
 */
export function resultStatus(total: number, shown: number, types?: Record<string, number>): string {
  if (total === 0) return "No practices match.";
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  let found = count(total, "result", "results");
  if (types) {
    const parts = KINDS.filter(([type]) => types[type]).map(([type, one, many]) => count(types[type]!, one, many));
    const other = total - KINDS.reduce((n, [type]) => n + (types[type] ?? 0), 0);
    if (other > 0) parts.push(count(other, "other page", "other pages"));
    found = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? found);
  }
  return `${found}${total > shown ? `, showing ${shown}` : ""}.`;
}

/** A full-text result as the list shows it. */
export function resultItem(result: ResultData, query: string, highlightParam: string): ResultItem {
  // The lead Pagefind indexes before a practice's body: title, one-liner, the questions it answers, then subsection and section for ranking.
  const questions =
    result.type === "practice"
      ? declaredQuestions(result.content, [result.title, result.source], [result.subsection, result.section])
      : [];
  const lead = [result.title, result.source, ...questions, result.subsection, result.section];
  // A declared question that matched says best why the page answers the query; else the body around the matches.
  const excerpt =
    questionExcerpt(result.content, result.locations, [result.title, result.source], questions) ??
    bodyExcerpt(result.content, result.locations, lead);
  return {
    key: result.url,
    title: [{ text: result.title, marked: false }],
    where: whereOf(result),
    href: resultHref(result.url, query, highlightParam),
    source: result.source,
    excerpt,
    partial: false,
  };
}
