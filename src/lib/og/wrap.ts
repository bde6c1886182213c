/**
 * Breaking a text into lines for a link card, given the width of each word.
 * Lines break only between words, so a card never cuts one in two; the fonts'
 * widths come from the renderer (src/lib/og/render.ts), which keeps this pure.
 */

/** A text's width in pixels as drawn, for a word or a run of words joined by spaces. */
export type WidthOf = (text: string) => number;

/** The words of a text: whatever whitespace separates them, none empty. */
export const wordsOf = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/**
 * Lines of at most `max` pixels, each as full as it can be (first fit). A word
 * wider than `max` stands alone on its line; `overflows` says so.
 */
export function greedy(words: string[], widthOf: WidthOf, max: number): { lines: string[]; overflows: boolean } {
  const lines: string[] = [];
  let line = "";
  let overflows = false;
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && widthOf(candidate) > max) {
      lines.push(line);
      line = word;
    } else line = candidate;
    if (widthOf(word) > max) overflows = true;
  }
  if (line) lines.push(line);
  return { lines, overflows };
}

/**
 * The same number of lines as first fit gives at `max`, but as even as they can
 * be (CSS `text-wrap: balance`): the narrowest width that still needs no more
 * lines, so a title never leaves one word alone on its last line.
 */
export function balance(words: string[], widthOf: WidthOf, max: number): { lines: string[]; overflows: boolean } {
  const first = greedy(words, widthOf, max);
  if (first.lines.length < 2 || first.overflows) return first;
  let low = 0;
  let high = Math.ceil(max);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const trial = greedy(words, widthOf, mid);
    if (trial.lines.length <= first.lines.length && !trial.overflows) high = mid;
    else low = mid;
  }
  return greedy(words, widthOf, high);
}

/**
 * At most `most` lines of first fit, the last one ended by an ellipsis after a
 * whole word when the text goes on. Only a single word wider than the line
 * itself is shortened inside the word, the one way it can be shown at all.
 */
export function clamp(words: string[], widthOf: WidthOf, max: number, most: number): string[] {
  const { lines } = greedy(words, widthOf, max);
  const fitted = lines.map((line) => (widthOf(line) > max ? shorten(line, widthOf, max) : line));
  if (fitted.length <= most) return fitted;
  const kept = fitted.slice(0, Math.max(1, most));
  let last = wordsOf(kept.at(-1)!);
  while (last.length > 1 && widthOf(`${last.join(" ")}…`) > max) last = last.slice(0, -1);
  const end = `${last.join(" ")}…`;
  kept[kept.length - 1] = widthOf(end) > max ? shorten(end, widthOf, max) : end;
  return kept;
}

/** A run too wide for the line, cut to what fits before an ellipsis. */
function shorten(text: string, widthOf: WidthOf, max: number): string {
  const chars = [...text.replace(/…$/, "")];
  while (chars.length > 1 && widthOf(`${chars.join("")}…`) > max) chars.pop();
  return `${chars.join("")}…`;
}

/** Balanced lines when they fit in `most`, else the clamped first `most` lines ending in an ellipsis. */
export function fitLines(words: string[], widthOf: WidthOf, max: number, most: number): string[] {
  const balanced = balance(words, widthOf, max);
  return balanced.lines.length <= most && !balanced.overflows ? balanced.lines : clamp(words, widthOf, max, most);
}
