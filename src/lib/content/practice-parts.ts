import type { Root as MdastRoot, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";

/**
 * The `##` parts a practice body is written in (content/EDITORIAL.md). Every
 * practice opens with the two required parts, in this order; the optional
 * parts follow, each at most once and only where it earns its place.
 */
export const REQUIRED_PARTS = ["Why it matters", "How to do it"] as const;
export const OPTIONAL_PARTS = ["Example", "Before and after", "Watch out for", "Skip this if"] as const;
export const PRACTICE_PARTS = [...REQUIRED_PARTS, ...OPTIONAL_PARTS] as const;
export type PracticePart = (typeof PRACTICE_PARTS)[number];

/** Word limits of a practice body: a quick habit can be said in 120 words; a career-long skill needs up to 600. */
export const BODY_WORDS = { min: 120, max: 600 } as const;
/** How many ordered steps "How to do it" holds: a habit may take two, a skill more, and past eight it is two practices. */
export const STEPS = { min: 2, max: 8 } as const;

/**
 * The part every practice must have besides the two that open it, and how full it must be:
 * every practice goes wrong in at least two real ways, and a pitfall told in fewer words
 * than this cannot give both the sign a reader would notice and what to do instead.
 */
export const PITFALLS = { part: "Watch out for", min: 2, minWords: 15 } as const;

export interface BodyAnalysis {
  /** Plain text of each part found, keyed by its heading. */
  parts: Partial<Record<PracticePart, string>>;
  /** The `##` headings in the order they appear, with their lines in the body. */
  headings: { text: string; line: number | undefined }[];
  /** The first ordered list under "How to do it": its items and its line in the body. */
  steps: { count: number; line: number | undefined };
  /** The first bulleted list under "Watch out for": each pitfall's words and line in the body. */
  pitfalls: { words: number; line: number | undefined }[];
  /** Words of prose, excluding headings and component tags. */
  words: number;
}

/** Counts words as a reader would: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

const HOW = PRACTICE_PARTS[1];
const lineOf = (node: RootContent) => node.position?.start.line;

/**
 * Reads a parsed body (`parseBody`) into its parts. A `<Message>` counts as
 * part of the prose around it: its paragraphs are the example's words.
 */
export function analyzeBody(tree: MdastRoot): BodyAnalysis {
  const result: BodyAnalysis = { parts: {}, headings: [], steps: { count: 0, line: undefined }, pitfalls: [], words: 0 };
  let current: PracticePart | undefined;
  let pitfallList = false;
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "heading" && node.depth === 2) {
        const title = toString(node);
        result.headings.push({ text: title, line: lineOf(node) });
        current = (PRACTICE_PARTS as readonly string[]).includes(title) ? (title as PracticePart) : undefined;
        continue;
      }
      // Comments (`{/* … */}`) are notes to authors, not prose.
      if (node.type === "mdxFlowExpression" || node.type === "mdxjsEsm") continue;
      if (node.type === "mdxJsxFlowElement") {
        visit(node.children as RootContent[]);
        continue;
      }
      if (node.type === "list" && node.ordered && current === HOW && result.steps.count === 0) {
        result.steps = { count: node.children.length, line: lineOf(node) };
      }
      if (node.type === "list" && !node.ordered && current === PITFALLS.part && !pitfallList) {
        pitfallList = true;
        result.pitfalls = node.children.map((item) => ({ words: countWords(toString(item)), line: lineOf(item) }));
      }
      const text = toString(node);
      if (!text) continue;
      result.words += countWords(text);
      if (current) result.parts[current] = result.parts[current] ? `${result.parts[current]}\n${text}` : text;
    }
  };
  visit(tree.children);
  return result;
}

/**
 * The summary a listing shows under the one-liner: the first sentence of
 * "Why it matters" (or of the body's first paragraph), whole. A sentence
 * longer than `maxChars` gives "" rather than a cut: a teaser that stops
 * mid-phrase reads worse than the one-liner alone, and every listing pays
 * for each character on every page.
 */
export function excerpt(tree: MdastRoot, maxChars = 140): string {
  const sentence = firstSentence(firstParagraph(tree).replace(/\s+/g, " ").trim());
  return sentence.length <= maxChars ? sentence : "";
}

/** Words that end in a full stop without ending a sentence. */
const ABBREVIATIONS = /(?:^|\s)(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|No|[A-Z](?:\.[A-Z])*)\.$/;

/**
 * The first sentence of plain text: up to the first `.`, `!` or `?` (with any
 * closing quote or bracket) that is followed by a space and a capital, a
 * digit or an opening quote, and does not close an abbreviation ("e.g.", "U.S.").
 */
export function firstSentence(text: string): string {
  const end = /[.!?]["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
  for (let match = end.exec(text); match; match = end.exec(text)) {
    const upTo = text.slice(0, match.index + 1);
    if (match[0][0] === "." && ABBREVIATIONS.test(upTo)) continue;
    return text.slice(0, match.index + match[0].length);
  }
  return text;
}

function firstParagraph(tree: MdastRoot): string {
  const children = tree.children;
  const why = children.findIndex((n) => n.type === "heading" && n.depth === 2 && toString(n) === PRACTICE_PARTS[0]);
  const after = why === -1 ? undefined : children[why + 1];
  if (after?.type === "paragraph") return toString(after);
  const paragraph = children.find((n) => n.type === "paragraph");
  return paragraph ? toString(paragraph) : "";
}
