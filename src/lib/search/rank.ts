import type { QueryPlan } from "./query.ts";

/** What search found for one word on one page: Pagefind's score and the positions of the words it matched. */
export interface WordHit {
  score: number;
  locations: number[];
}

/** One page in the merged ranking. */
export interface RankedPage {
  id: string;
  score: number;
  /** How many of the query's concepts the page matched. */
  matched: number;
  /** Positions of every matched word, sorted: what gets marked. */
  locations: number[];
}

/**
 * Ranks pages for a query from what each word found on its own (`hits`, by
 * word, then by page id). A page scores, for each concept, its best
 * alternative (the typed words or a synonym), each alternative the sum of its
 * words' scores scaled by the share of its words present; the sum over
 * concepts is then scaled by the square of the share of concepts matched.
 * Pagefind weighs every word by where it stands (title, questions, one-liner
 * over body) and how rare it is, so a page about the question outranks one
 * that mentions its words in passing, and a page that matches every concept
 * outranks one that matches a few strongly. Ties keep Pagefind's order of the
 * first word.
 */
export function rankPages(plan: QueryPlan, hits: ReadonlyMap<string, ReadonlyMap<string, WordHit>>): RankedPage[] {
  const pages = new Set<string>();
  for (const word of plan.words) for (const id of hits.get(word)?.keys() ?? []) pages.add(id);
  const ranked: (RankedPage & { order: number })[] = [];
  let order = 0;
  for (const id of pages) {
    let score = 0;
    let matched = 0;
    const locations = new Set<number>();
    for (const concept of plan.concepts) {
      let best = 0;
      for (const words of concept.alternatives) {
        const found = words.map((w) => hits.get(w)?.get(id)).filter((h): h is WordHit => Boolean(h));
        if (!found.length) continue;
        const share = found.length / words.length;
        best = Math.max(best, found.reduce((sum, h) => sum + h.score, 0) * share * share);
        for (const hit of found) for (const l of hit.locations) locations.add(l);
      }
      if (best > 0) matched += 1;
      score += best;
    }
    const coverage = plan.concepts.length ? matched / plan.concepts.length : 0;
    ranked.push({
      id,
      score: score * coverage * coverage,
      matched,
      locations: [...locations].sort((a, b) => a - b),
      order: order++,
    });
  }
  return ranked
    .filter((page) => page.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _, ...page }) => page);
}

/** True when the best page matches fewer than half of what was asked: worth offering other ways in too. */
export function weakMatch(plan: QueryPlan, ranked: readonly RankedPage[]): boolean {
  const best = ranked[0];
  return plan.concepts.length > 1 && (!best || best.matched * 2 < plan.concepts.length);
}
