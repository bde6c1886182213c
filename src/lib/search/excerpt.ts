/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * Pagefind's excerpt is HTML: escaped page text with <mark> around matched
 * words. Reduced to text and marks only, so whatever the page text or the
 * query holds is shown as text and can never become markup.
 */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?mark\b[^>]*>)/i)) {
    if (/^<mark\b/i.test(piece)) marked = true;
    else if (/^<\/mark/i.test(piece)) marked = false;
    else {
      const text = decode(piece.replace(/<[^>]*>/g, ""));
      const last = parts.at(-1);
      if (!text) continue;
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

/** Text with the given [start, end) ranges marked. */
export function markRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/** Words an excerpt shows: about two lines in the dialog, three or four on a phone. */
export const EXCERPT_WORDS = 24;

const sentenceEnd = (word: string) => /[.!?…][”’")\]]*$/u.test(word);
const normalize = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * How many words at the start of a page's text are not its body, but the
 * lead the result already shows (title, one-liner) or context indexed only
 * for ranking (subsection, section): each lead string, in order, is skipped
 * where the text starts with its words.
 */
export function leadLength(words: readonly string[], lead: readonly string[]): number {
  let at = 0;
  for (const part of lead) {
    const expected = part.split(/\s+/).map(normalize).filter(Boolean);
    if (expected.length && expected.every((word, i) => normalize(words[at + i] ?? "") === word)) at += expected.length;
  }
  return at;
}

/**
 * A clean excerpt of a page's body for a result: whole words only, from the
 * stretch with the most matched words (Pagefind's `locations`, word indexes
 * into the text), starting at a sentence where one starts close before, with
 * an ellipsis wherever text is left out, and the matched words marked. The
 * lead (see leadLength) never shows: a result shows its title and one-liner
 * apart, and the context is there for ranking only. Without a match in the
 * body, the body's opening.
 */
export function bodyExcerpt(
  text: string,
  locations: readonly number[],
  lead: readonly string[],
  length = EXCERPT_WORDS,
): ExcerptPart[] {
  const words = text.split(/\s+/).filter(Boolean);
  const skip = leadLength(words, lead);
  if (skip >= words.length) return [];
  const hits = [...new Set(locations)].filter((l) => l >= skip && l < words.length).sort((a, b) => a - b);
  // Up to a third of the excerpt may come before the first match it shows: enough to start at its sentence.
  const back = Math.floor(length / 3);
  // The stretch beginning at a match that holds the most matches, with room left for the words before it.
  let best = hits[0] ?? skip;
  let most = 0;
  for (const [i, first] of hits.entries()) {
    const count = hits.slice(i).filter((l) => l < first + length - back).length;
    if (count > most) [best, most] = [first, count];
  }
  // Begin at the start of the match's sentence when that is near, else a few words before the match.
  let start = best;
  if (hits.length) {
    start = Math.max(skip, best - Math.ceil(back / 2));
    for (let i = best; i >= Math.max(skip, best - back); i--) {
      if (i === skip || sentenceEnd(words[i - 1]!)) {
        start = i;
        break;
      }
    }
  }
  // Near the end of the text, fill the excerpt from further back, from a sentence's start where there is one.
  if (start > skip && start + length > words.length) {
    const earliest = Math.max(skip, words.length - length);
    const sentence = words.findIndex(
      (_, i) => i >= earliest && i <= start && (i === skip || sentenceEnd(words[i - 1]!)),
    );
    start = sentence >= 0 ? sentence : earliest;
  }
  const end = Math.min(words.length, start + length);
  const parts = markWords(words, start, end, new Set(hits));
  const first = parts[0];
  if (start > skip && !sentenceEnd(words[start - 1]!)) {
    if (first && !first.marked) first.text = `… ${first.text}`;
    else parts.unshift({ text: "… ", marked: false });
  }
  const last = parts.at(-1);
  if (end < words.length && !sentenceEnd(words[end - 1]!)) {
    if (last && !last.marked) last.text += " …";
    else parts.push({ text: " …", marked: false });
  }
  return parts;
}

/**
 * The questions a practice declares, read from its indexed text, where they
 * stand between the lead the result shows (`before`: title, one-liner) and
 * the context indexed for ranking (`after`: subsection, section). Each ends
 * in "?" (or a quotation closing on one). None when the text has no such run.
 */
export function declaredQuestions(text: string, before: readonly string[], after: readonly string[]): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const from = leadLength(words, before);
  const context = after.join(" ").split(/\s+/).filter(Boolean).length;
  if (!context) return [];
  for (let to = from; to < Math.min(words.length, from + 200); to++) {
    if (leadLength(words.slice(to), after) !== context) continue;
    return words
      .slice(from, to)
      .join(" ")
      .split(/(?<=\?["”’')\]]*)\s+/u)
      .filter((q) => /\?["”’')\]]*$/u.test(q));
  }
  return [];
}

/**
 * The question a practice declares that holds the most matched words, with
 * them marked: for a result, the best answer to "why this page?". `before` is
 * the lead indexed ahead of the questions (title, one-liner). Undefined when
 * no question matched.
 */
export function questionExcerpt(
  text: string,
  locations: readonly number[],
  before: readonly string[],
  questions: readonly string[],
): ExcerptPart[] | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  let at = leadLength(words, before);
  const hits = new Set(locations);
  let best: { from: number; to: number; count: number } | undefined;
  for (const question of questions) {
    const n = leadLength(words.slice(at), [question]);
    if (!n) break;
    const count = words.slice(at, at + n).filter((_, i) => hits.has(at + i)).length;
    if (count && (!best || count > best.count)) best = { from: at, to: at + n, count };
    at += n;
  }
  if (!best) return undefined;
  // Shown as a sentence, whatever the case it was typed in.
  const parts = markWords(words, best.from, best.to, hits);
  parts[0]!.text = parts[0]!.text.charAt(0).toUpperCase() + parts[0]!.text.slice(1);
  return parts;
}

/** Words from..to joined by spaces, the ones at `hits` marked (their punctuation not). */
function markWords(words: readonly string[], from: number, to: number, hits: ReadonlySet<number>): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && last.marked === mark) last.text += text;
    else if (text) parts.push({ text, marked: mark });
  };
  for (let i = from; i < to; i++) {
    if (i > from) push(" ", false);
    if (!hits.has(i)) {
      push(words[i]!, false);
      continue;
    }
    const [, pre = "", core = "", post = ""] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(words[i]!) ?? [];
    push(pre, false);
    push(core, true);
    push(post, false);
  }
  return parts;
}
