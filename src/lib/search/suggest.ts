/** What the instant results and the no-results suggestions choose from: one entry per practice. */
export interface SuggestEntry {
  title: string;
  url: string;
  /** Words that describe the practice besides its title: subsection, section, source text. */
  context: string;
}

/** Edit distance allowing adjacent swaps (Damerau–Levenshtein, optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * How closely a typed word matches a word of the handbook, from 0 to 1:
 * 1 for the same word or a prefix of it ("mentor" → "mentorship"), less for
 * each typo, 0 when too many letters differ to be a typo.
 */
export function wordSimilarity(typed: string, word: string): number {
  if (word === typed || (typed.length >= 3 && word.startsWith(typed))) return 1;
  const allowed = typed.length <= 4 ? 1 : typed.length <= 8 ? 2 : 3;
  // Too different in length to be a typo of the word or of its prefix: skip the edit distance.
  if (word.length < typed.length - allowed) return 0;
  // Compare against the word cut to about the typed length too, so a typo in a prefix still counts.
  const distance = Math.min(editDistance(typed, word), editDistance(typed, word.slice(0, typed.length + 1)));
  return distance > allowed ? 0 : 1 - distance / (typed.length + 1);
}

/**
 * The practices whose title (mostly) or context best match a query, tolerant
 * of typos ("linkdin", "mentorshp"): for when search finds nothing.
 */
export function suggest<T extends SuggestEntry>(query: string, entries: readonly T[], limit = 5): T[] {
  const typed = words(query).filter((w) => w.length >= 2);
  if (typed.length === 0) return [];
  // The same words recur across entries ("networking", "professional"): compare each pair once.
  const cache = new Map<string, number>();
  const similarity = (t: string, w: string) => {
    const key = `${t}\u0000${w}`;
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = wordSimilarity(t, w)));
    return value;
  };
  const best = (t: string, ws: string[]) => ws.reduce((max, w) => (max === 1 ? 1 : Math.max(max, similarity(t, w))), 0);
  const scored = entries.map((entry, index) => {
    const title = words(entry.title);
    const context = words(entry.context);
    let score = 0;
    for (const t of typed) score += Math.max(best(t, title) * 2, best(t, context));
    return { entry, score, index };
  });
  return scored
    .filter((s) => s.score >= 0.5 * typed.length)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.entry);
}
