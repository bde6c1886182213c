import type { Nodes, Root as MdastRoot } from "mdast";
import { toString } from "mdast-util-to-string";
import {
  analyzeBody,
  BODY_WORDS,
  OPTIONAL_PARTS,
  PITFALLS,
  PRACTICE_PARTS,
  REQUIRED_PARTS,
  STEPS,
  type PracticePart,
} from "./practice-parts.ts";
import { walkTree } from "./body.ts";
import { namesakePairs } from "./editorial.ts";
import { lineInEntry, type Entry, type HandbookContent } from "./read-entries.ts";
import type { Problem } from "./problems.ts";

/**
 * The handbook's writing rules, checked with the rest of the content before
 * every build and by `npm run check:coverage`, so an author learns of a
 * broken rule as `file:line`, the field and the fix, not as a test diff.
 */
export const WRITING = {
  /** How many practices a practice points the reader to next. */
  related: { min: 2, max: 4 },
  /** General practices (from other sections) an industry page recommends, and the words of each reason. */
  industryHighlights: { min: 5, whyWords: 6 },
  /** Words of a section's introduction, and characters of each subsection's lead-in. */
  sectionIntroWords: 40,
  subsectionIntroChars: 20,
  /** Paragraphs shorter than this may recur (salutations and sign-offs in example messages). */
  repeatedParagraphWords: 8,
} as const;

type AnyEntry = Entry<unknown>;

/** A practice body's parts, steps and length (see `practice-parts.ts`), each problem at its line. */
function checkPracticeBody(entry: Entry<unknown>): Problem[] {
  const analysis = analyzeBody(entry.tree);
  const at = (line: number | undefined, message: string, fix: string): Problem => ({
    kind: "writing",
    file: entry.file,
    line: line === undefined ? entry.bodyLine : entry.bodyLine - 1 + line,
    field: "body",
    message,
    fix,
  });
  const problems: Problem[] = [];
  const found = analysis.headings.map((h) => h.text);
  const required = REQUIRED_PARTS.map((p) => `## ${p}`).join(", ");
  const optional = OPTIONAL_PARTS.map((p) => `## ${p}`).join(", ");
  const opening = REQUIRED_PARTS.findIndex((part, i) => found[i] !== part);
  if (opening !== -1) {
    problems.push(
      at(
        analysis.headings[opening]?.line,
        `the body's ## headings are "${found.join(" → ") || "(none)"}"`,
        `open with ${required}, in that order; then any of ${optional}`,
      ),
    );
  }
  const seen = new Set<string>();
  for (const heading of analysis.headings.slice(REQUIRED_PARTS.length)) {
    if (!(OPTIONAL_PARTS as readonly string[]).includes(heading.text)) {
      if (!(REQUIRED_PARTS as readonly string[]).includes(heading.text)) {
        problems.push(
          at(
            heading.line,
            `"## ${heading.text}" is not one of the handbook's parts`,
            `use one of ${optional}, or make it a ### heading inside a part`,
          ),
        );
      }
    } else if (seen.has(heading.text)) {
      problems.push(at(heading.line, `"## ${heading.text}" appears twice`, "merge the two into one part"));
    }
    seen.add(heading.text);
  }
  for (const heading of analysis.headings) {
    if ((PRACTICE_PARTS as readonly string[]).includes(heading.text) && !analysis.parts[heading.text as PracticePart]?.trim()) {
      problems.push(at(heading.line, `"${heading.text}" is empty`, `write the part under ## ${heading.text}, or remove the heading`));
    }
  }
  if (analysis.steps.count < STEPS.min || analysis.steps.count > STEPS.max) {
    problems.push(
      at(
        analysis.steps.line ?? analysis.headings.find((h) => h.text === PRACTICE_PARTS[1])?.line,
        `"How to do it" has ${analysis.steps.count} numbered steps`,
        `write ${STEPS.min}–${STEPS.max} steps as an ordered list (1. 2. 3.)`,
      ),
    );
  }
  problems.push(...checkPitfalls(analysis, at));
  if (analysis.words < BODY_WORDS.min || analysis.words > BODY_WORDS.max) {
    problems.push(
      at(
        undefined,
        `the body has ${analysis.words} words`,
        analysis.words < BODY_WORDS.min
          ? `add to it: a practice body runs ${BODY_WORDS.min}–${BODY_WORDS.max} words`
          : `cut it: a practice body runs ${BODY_WORDS.min}–${BODY_WORDS.max} words`,
      ),
    );
  }
  return problems;
}

/** Every practice names at least two real ways it goes wrong, each with room for the sign and the fix. */
function checkPitfalls(
  analysis: ReturnType<typeof analyzeBody>,
  at: (line: number | undefined, message: string, fix: string) => Problem,
): Problem[] {
  const heading = analysis.headings.find((h) => h.text === PITFALLS.part);
  const shape = `a bulleted list of at least ${PITFALLS.min} pitfalls, each naming how it goes wrong, the sign a reader would notice and what to do instead`;
  if (!heading) {
    return [at(undefined, `the practice has no "## ${PITFALLS.part}" part`, `add "## ${PITFALLS.part}" with ${shape}`)];
  }
  if (analysis.pitfalls.length < PITFALLS.min) {
    return [
      at(
        analysis.pitfalls[0]?.line ?? heading.line,
        `"${PITFALLS.part}" lists ${analysis.pitfalls.length} pitfall${analysis.pitfalls.length === 1 ? "" : "s"}`,
        `write ${shape}`,
      ),
    ];
  }
  return analysis.pitfalls
    .filter((p) => p.words < PITFALLS.minWords)
    .map((p) =>
      at(
        p.line,
        `a pitfall in "${PITFALLS.part}" has ${p.words} words`,
        `say in at least ${PITFALLS.minWords} words how it goes wrong, the sign to notice and what to do instead`,
      ),
    );
}

/** Links and bare addresses to other sites: the handbook links only to itself. */
function externalLinks(entry: AnyEntry): Problem[] {
  const problems: Problem[] = [];
  // A link's text is the link's: one problem for the link, not another for its words.
  for (const node of walkTree(entry.tree, (n) => n.type !== "link")) {
    const url = node.type === "link" || node.type === "image" || node.type === "definition" ? node.url : undefined;
    const text = node.type === "text" ? node.value : undefined;
    // Unsafe schemes (javascript:, data:…) are the check's own problem (`checkUnsafeLinks`), reported once there.
    const external =
      (url && /^\s*(?:https?:|mailto:|tel:|\/\/)/i.test(url)) || (text && /https?:\/\/|\bwww\./i.test(text));
    if (!external) continue;
    problems.push({
      kind: "external-link",
      file: entry.file,
      line: lineInEntry(entry, node),
      field: "body",
      message: `the body names an outside address (${(url ?? text ?? "").trim().slice(0, 60)})`,
      fix: "link only to the handbook's own pages (/practices/<id>/, /sections/<id>/); name an outside resource in words",
    });
  }
  return problems;
}

/** Placeholders left from drafting. */
function placeholders(entry: AnyEntry): Problem[] {
  const problems: Problem[] = [];
  const frontmatterLine = entry.text.split("\n").findIndex((l, i) => i < entry.bodyLine - 1 && /\bTODO\b/.test(l));
  if (frontmatterLine >= 0) {
    problems.push({
      kind: "placeholder",
      file: entry.file,
      line: frontmatterLine + 1,
      message: "the frontmatter holds a TODO",
      fix: "write the text the TODO stands for",
    });
  }
  for (const node of walkTree(entry.tree)) {
    if (node.type === "text" && /\bTODO\b/.test(node.value)) {
      problems.push({
        kind: "placeholder",
        file: entry.file,
        line: lineInEntry(entry, node),
        field: "body",
        message: "the body holds a TODO",
        fix: "write the text the TODO stands for",
      });
    }
  }
  return problems;
}

/** Paragraphs of prose, each with its node, for the repeated-paragraph rule. */
function paragraphs(tree: MdastRoot): { text: string; node: Nodes }[] {
  const found: { text: string; node: Nodes }[] = [];
  for (const node of walkTree(tree)) if (node.type === "paragraph") found.push({ text: toString(node), node });
  return found;
}

/** A paragraph written once and pasted into another entry: every page should say its own thing. */
function repeatedParagraphs(entries: readonly AnyEntry[]): Problem[] {
  const seen = new Map<string, AnyEntry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    for (const { text, node } of paragraphs(entry.tree)) {
      const key = text.replace(/\s+/g, " ").trim().toLowerCase();
      if (key.split(" ").length < WRITING.repeatedParagraphWords) continue;
      const first = seen.get(key);
      if (first && first !== entry) {
        problems.push({
          kind: "repeated-paragraph",
          file: entry.file,
          line: lineInEntry(entry, node),
          field: "body",
          message: `this paragraph also appears in ${first.file}: "${text.slice(0, 60)}…"`,
          fix: "write this entry's own paragraph, or link to the other entry instead of repeating it",
        });
      } else seen.set(key, entry);
    }
  }
  return problems;
}

/**
 * Every writing rule over the whole handbook: each practice's parts and
 * length, its related practices (count, and namesakes listing each other),
 * each industry's recommendations, each section's introductions, and no
 * outside links, placeholders or paragraphs repeated across entries.
 * Reference rules (ids exist, no self-reference) are `checkReferences`'.
 */
export function checkWriting(content: HandbookContent): Problem[] {
  const problems: Problem[] = [];
  const all: AnyEntry[] = [...content.home, ...content.sections, ...content.industries, ...content.practices];
  const rendered = all.filter((e) => e.renders);

  for (const practice of content.practices) {
    if (practice.renders) problems.push(...checkPracticeBody(practice));
    const { related } = practice.data;
    if (related.length < WRITING.related.min || related.length > WRITING.related.max) {
      problems.push({
        kind: "writing",
        file: practice.file,
        field: "related",
        message: `the practice lists ${related.length} related practice(s)`,
        fix: `list ${WRITING.related.min}–${WRITING.related.max} ids of practices to read next, best first`,
      });
    }
  }

  for (const pair of namesakePairs(content)) {
    for (const [p, other] of [pair, [pair[1], pair[0]] as const]) {
      if (p.data.related.includes(other.data.id)) continue;
      problems.push({
        kind: "namesake",
        file: p.file,
        field: "related",
        message: `"${other.data.title}" in ${other.data.subsection} (${other.data.id}) has the same title but is not in related`,
        fix: `add "${other.data.id}" to related, so a reader can tell the two apart`,
      });
    }
  }

  for (const industry of content.industries) {
    const own = new Set(
      content.practices.filter((p) => p.data.subsection === industry.data.subsection).map((p) => p.data.id),
    );
    const general = industry.data.highlights.filter((h) => !own.has(h.practice));
    if (general.length < WRITING.industryHighlights.min) {
      problems.push({
        kind: "writing",
        file: industry.file,
        field: "highlights",
        message: `the industry recommends ${general.length} general practice(s) from other sections`,
        fix: `recommend at least ${WRITING.industryHighlights.min}, each with why it matters in this industry`,
      });
    }
    industry.data.highlights.forEach((h, index) => {
      const words = h.why.trim().split(/\s+/).length;
      if (words < WRITING.industryHighlights.whyWords) {
        problems.push({
          kind: "writing",
          file: industry.file,
          field: `highlights.${index}.why`,
          message: `the reason for "${h.practice}" has ${words} word(s)`,
          fix: `say in a sentence (at least ${WRITING.industryHighlights.whyWords} words) why it matters in this industry`,
        });
      }
    });
  }

  for (const section of content.sections) {
    const words = section.renders ? analyzeBody(section.tree).words : 0;
    if (section.renders && words < WRITING.sectionIntroWords) {
      problems.push({
        kind: "writing",
        file: section.file,
        line: section.bodyLine,
        field: "body",
        message: `the section's introduction has ${words} words`,
        fix: `introduce the section in at least ${WRITING.sectionIntroWords} words`,
      });
    }
    section.data.subsections.forEach((s, index) => {
      if (s.intro.trim().length <= WRITING.subsectionIntroChars) {
        problems.push({
          kind: "writing",
          file: section.file,
          field: `subsections.${index}.intro`,
          message: `the subsection "${s.title}" has ${s.intro.trim() ? "too short a" : "no"} lead-in`,
          fix: `write a sentence or two (over ${WRITING.subsectionIntroChars} characters) introducing it`,
        });
      }
    });
  }

  for (const entry of all) problems.push(...placeholders(entry));
  for (const entry of rendered) problems.push(...externalLinks(entry));
  problems.push(...repeatedParagraphs(rendered));
  return problems;
}
