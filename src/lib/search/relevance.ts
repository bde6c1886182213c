/** One question of the relevance benchmark: what a reader types, and the pages that answer it. */
export interface RelevanceCase {
  q: string;
  /** Practice ids, or site paths for other pages (`/industries/finance/`); any of them is a right answer. */
  answers: string[];
}

/** How one question fared: the pages search ranked first, as ids (practices) or paths. */
export interface RelevanceRun {
  case: RelevanceCase;
  ranked: string[];
}

export interface RelevanceReport {
  total: number;
  top1: number;
  top3: number;
  /** Questions with no right answer in the top three, with what came instead. */
  misses: RelevanceRun[];
  /** Right in the top three but not first. */
  notFirst: RelevanceRun[];
}

/** A result's URL as the benchmark names pages: a practice by its id, anything else by its path. */
export function pageKey(url: string): string {
  const path = new URL(url, "http://site").pathname;
  return /^\/practices\/([^/]+)\/$/.exec(path)?.[1] ?? path;
}

/** The cases, checked: each has a question and at least one answer, and no question is asked twice. */
export function parseRelevanceCases(data: unknown): RelevanceCase[] {
  const list = (data as { questions?: unknown } | null)?.questions;
  if (!Array.isArray(list)) throw new Error('relevance cases: expected { "questions": [{ "q": …, "answers": […] }] }');
  const seen = new Set<string>();
  return list.map((item: unknown, index) => {
    const { q, answers } = (item ?? {}) as Partial<RelevanceCase>;
    if (typeof q !== "string" || !q.trim()) throw new Error(`relevance cases: questions.${index}.q is missing`);
    if (!Array.isArray(answers) || !answers.length || answers.some((a) => typeof a !== "string" || !a))
      throw new Error(`relevance cases: questions.${index}.answers must list at least one practice id or path`);
    const key = q.trim().toLowerCase();
    if (seen.has(key)) throw new Error(`relevance cases: questions.${index} repeats "${q}"`);
    seen.add(key);
    return { q, answers };
  });
}

/** Top-1 and top-3 hits over the runs. */
export function relevanceReport(runs: readonly RelevanceRun[]): RelevanceReport {
  const rankOf = (run: RelevanceRun) => run.ranked.findIndex((key) => run.case.answers.includes(key));
  const ranks = runs.map((run) => ({ run, rank: rankOf(run) }));
  return {
    total: runs.length,
    top1: ranks.filter((r) => r.rank === 0).length,
    top3: ranks.filter((r) => r.rank >= 0 && r.rank < 3).length,
    misses: ranks.filter((r) => r.rank < 0 || r.rank >= 3).map((r) => r.run),
    notFirst: ranks.filter((r) => r.rank > 0 && r.rank < 3).map((r) => r.run),
  };
}
