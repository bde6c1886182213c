import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import type { RootContent } from "mdast";

/** The four parts every practice explains itself with, in this order, as `##` headings. */
export const PRACTICE_PARTS = ["Why it matters", "How to do it", "Example", "Watch out for"] as const;
export type PracticePart = (typeof PRACTICE_PARTS)[number];

/** Word limits of a practice body: long enough to act on, short enough to read at an event. */
export const BODY_WORDS = { min: 150, max: 350 } as const;
/** How many ordered steps "How to do it" holds. */
export const STEPS = { min: 3, max: 5 } as const;

export interface BodyAnalysis {
  /** Plain text of each part found, keyed by its heading. */
  parts: Partial<Record<PracticePart, string>>;
  /** The `##` headings in the order they appear. */
  headings: string[];
  /** Items of the first ordered list under "How to do it". */
  steps: number;
  /** Words of prose, excluding headings and MDX tags. */
  words: number;
  /** Every paragraph's plain text, for spotting text repeated across entries. */
  paragraphs: string[];
}

/** Counts words as a reader would: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * Reads a practice's MDX body into its parts. MDX tags such as `<Message>` sit
 * on lines of their own with blank lines around their content, so a plain
 * Markdown parser sees them as HTML and the prose inside as paragraphs.
 */
export function analyzeBody(body: string): BodyAnalysis {
  const tree = fromMarkdown(body);
  const result: BodyAnalysis = { parts: {}, headings: [], steps: 0, words: 0, paragraphs: [] };
  let current: PracticePart | undefined;
  const add = (text: string) => {
    if (current) result.parts[current] = result.parts[current] ? `${result.parts[current]}\n${text}` : text;
  };
  for (const node of tree.children as RootContent[]) {
    if (node.type === "heading" && node.depth === 2) {
      const title = toString(node);
      result.headings.push(title);
      current = (PRACTICE_PARTS as readonly string[]).includes(title) ? (title as PracticePart) : undefined;
      continue;
    }
    if (node.type === "html") continue;
    if (node.type === "list" && node.ordered && current === "How to do it" && result.steps === 0) {
      result.steps = node.children.length;
    }
    const text = toString(node);
    result.words += countWords(text);
    add(text);
    if (node.type === "paragraph") result.paragraphs.push(text);
    if (node.type === "list") for (const item of node.children) result.paragraphs.push(toString(item));
  }
  return result;
}

/** What is wrong with a practice body, each as a sentence that says how to fix it. Empty when it is complete. */
export function bodyProblems(analysis: BodyAnalysis): string[] {
  const problems: string[] = [];
  const expected = PRACTICE_PARTS.join(" → ");
  if (analysis.headings.join(" → ") !== expected) {
    problems.push(`the body's ## headings are "${analysis.headings.join(" → ")}"; write exactly ${expected}`);
  }
  for (const part of PRACTICE_PARTS) {
    if (!analysis.parts[part]?.trim()) problems.push(`"${part}" is empty; write it`);
  }
  if (analysis.steps < STEPS.min || analysis.steps > STEPS.max) {
    problems.push(
      `"How to do it" has ${analysis.steps} numbered steps; write ${STEPS.min}–${STEPS.max} as an ordered list`,
    );
  }
  if (analysis.words < BODY_WORDS.min || analysis.words > BODY_WORDS.max) {
    problems.push(`the body has ${analysis.words} words; keep it within ${BODY_WORDS.min}–${BODY_WORDS.max}`);
  }
  return problems;
}

/**
 * A short plain-text excerpt for listings and previews: the first paragraph of
 * "Why it matters" (or of the body), cut at a word boundary.
 */
export function excerpt(body: string, maxChars = 90): string {
  const first = (firstWhyParagraph(body) ?? whyOrFirstParagraph(analyzeBody(body))).split("\n")[0]!.trim();
  if (first.length <= maxChars) return first;
  const cut = first.slice(0, maxChars + 1);
  return `${cut.slice(0, cut.lastIndexOf(" ")).replace(/[,;:.\s]+$/, "")}…`;
}

const WHY = PRACTICE_PARTS[0];
const whyOrFirstParagraph = (analysis: BodyAnalysis) => analysis.parts[WHY] ?? analysis.paragraphs[0] ?? "";
const WHY_HEADING = new RegExp(`^##[ \\t]+${WHY}[ \\t]*#*[ \\t]*$`, "m");

/**
 * The plain text of the paragraph right under "## Why it matters", parsing
 * that paragraph alone: every listing shows an excerpt, and parsing whole
 * bodies for one line cost the build most of a second per thousand practices.
 * Undefined when the body does not open that part with a plain paragraph,
 * and the caller reads the whole body instead.
 */
function firstWhyParagraph(body: string): string | undefined {
  const heading = WHY_HEADING.exec(body);
  if (!heading) return undefined;
  const rest = body.slice(heading.index + heading[0].length).replace(/^\s*\n/, "");
  const end = rest.search(/\n[ \t]*\n/);
  const block = fromMarkdown(end === -1 ? rest : rest.slice(0, end)).children;
  return block.length === 1 && block[0]!.type === "paragraph" ? toString(block[0]) : undefined;
}
