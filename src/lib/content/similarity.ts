/**
 * How much two texts say the same thing, compared as texts rather than by
 * shared sentences: two pages that give the same advice in different words
 * still share their content words (summarize, follow-up, question, note).
 *
 * Each text becomes a bag of content-word stems (function words dropped,
 * common endings cut); the score is the cosine of the two bags, from 0
 * (nothing in common) to 1 (the same words in the same proportions).
 */

const FUNCTION_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
  once only or other our ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours yourself yourselves one two three four five first next last
  get gets got make makes made use uses used way ways thing things something someone people person time times
  may might must shall let lets s t don doesn didn isn aren wasn weren won wouldn shouldn can't it's i'm you're
  they're we're that's there's what's`.split(/\s+/),
);

/** Cuts common English endings so "follow", "follows", "followed" and "following" count as one word. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, "");
  for (const ending of ["ingly", "edly", "ings", "ing", "ed", "ies", "es", "s", "ly"]) {
    if (w.length - ending.length >= 4 && w.endsWith(ending)) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  return w;
}

/** The content-word stems of a text, with their counts. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    const word = match[0];
    if (FUNCTION_WORDS.has(word) || word.length < 3) continue;
    const key = stem(word);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Cosine similarity of two texts' content words, 0–1. */
export function textSimilarity(a: string, b: string): number {
  const x = termCounts(a);
  const y = termCounts(b);
  let dot = 0;
  for (const [term, count] of x) dot += count * (y.get(term) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((sum, c) => sum + c * c, 0));
  const denominator = norm(x) * norm(y);
  return denominator === 0 ? 0 : dot / denominator;
}
