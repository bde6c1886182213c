import { meaningfulTerms, wordStart } from "./query.ts";

/** The query parameter that carries search terms to the page a result opens. */
export const HIGHLIGHT_PARAM = "highlight";

/**
 * Words worth highlighting in a query: its meaningful words (no "how do I",
 * no "the"), each cut to the start its forms share ("following" marks
 * "follow-up" and "follows"), deduplicated, two letters or more.
 */
export function highlightTerms(query: string): string[] {
  return [
    ...new Set(
      meaningfulTerms(query)
        .map(wordStart)
        .filter((w) => w.length >= 2),
    ),
  ];
}

/**
 * Where the terms occur in a text, as [start, end) ranges, merged and sorted.
 * A term matches at the start of a word and may run on ("listen" marks
 * "listening"), as search matched it.
 */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  if (terms.length === 0) return [];
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})[\\p{L}\\p{N}]*`, "giu");
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    const last = ranges.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}
