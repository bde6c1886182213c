import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import { messageChannel, walkTree, type MessageChannel } from "./body.ts";
import { lowercaseWords, namesCast } from "./names.ts";
import { frontmatterLineOf, lineInEntry, type Entry, type HandbookContent } from "./read-entries.ts";
import type { Problem } from "./problems.ts";
import { britishSpellings } from "./spelling.ts";
import { textSimilarity } from "./similarity.ts";

/**
 * The editorial standard's measurable rules (content/EDITORIAL.md explains
 * each to authors). They run in the content check, so a page that breaks one
 * stops the build with `file:line`, the field and the fix.
 */
export const EDITORIAL = {
  /**
   * Characters in the note of a LinkedIn invitation. LinkedIn caps the note
   * at 200 characters on a free account and 300 on Premium; the handbook
   * writes for the free account, which every reader has.
   */
  channelLimits: { "linkedin-invitation": 200 } as Partial<Record<MessageChannel, number>>,
  /** A given name may play a person on at most this many pages: a reader who meets "Kwame" four times meets a template. */
  namePages: 3,
  /**
   * Two practices with the same title must not read alike: the cosine of
   * their content words (`similarity.ts`) stays under this. Across all pairs
   * of practice pages as first written the median was 0.16 and the 99th
   * percentile 0.33; 0.30 asks namesakes to differ as much as nearly any
   * two pages of the handbook do.
   */
  siblingSimilarity: 0.3,
  /** The file listing practices still waiting for their first review (see `readPending`). */
  pendingFile: "editorial-pending.txt",
} as const;

/**
 * Phrases that make pages sound alike when every page leans on them, each
 * with the most pages that may use it. Caps are for a handbook of about 170
 * pages: a phrase on one page in eight stops being a choice and becomes the
 * handbook's tic. Phrases with a cap of 0 are filler that says nothing.
 */
export const STOCK_PHRASES: { phrase: string; pattern: RegExp; maxPages: number }[] = [
  { phrase: "rather than", pattern: /\brather than\b/i, maxPages: 20 },
  { phrase: "two or three", pattern: /\btwo or three\b/i, maxPages: 12 },
  { phrase: "a 20-minute slot or call", pattern: /\b20-minute\b/i, maxPages: 5 },
  { phrase: "genuine, genuinely", pattern: /\bgenuine(?:ly)?\b/i, maxPages: 15 },
  { phrase: "one sentence", pattern: /\bone sentence\b/i, maxPages: 10 },
  { phrase: "a short note", pattern: /\ba short note\b/i, maxPages: 6 },
  { phrase: "reach out", pattern: /\breach(?:es|ed|ing)? out\b/i, maxPages: 6 },
  { phrase: "leverage", pattern: /\bleverag(?:e|es|ed|ing)\b/i, maxPages: 2 },
  {
    phrase: 'an example opening "Name, a [role] in [City]"',
    pattern: /(?:^|[.!?]\s+|\n)\p{Lu}\p{Ll}+, an? [\p{Ll} -]{3,40} in \p{Lu}\p{Ll}+/u,
    maxPages: 10,
  },
  {
    phrase: '"Watch out for" opening with an -ing fragment',
    pattern: /## Watch out for\s*\n\s*\n\p{Lu}\p{Ll}+ing\b/u,
    maxPages: 20,
  },
  { phrase: "it is important to", pattern: /\bit(?:'s| is) important to\b/i, maxPages: 0 },
  { phrase: "in today's …", pattern: /\bin today's\b/i, maxPages: 0 },
  { phrase: "at the end of the day", pattern: /\bat the end of the day\b/i, maxPages: 0 },
  { phrase: "game-changer", pattern: /\bgame[- ]changer\b/i, maxPages: 0 },
  { phrase: "goes a long way", pattern: /\bgo(?:es)? a long way\b/i, maxPages: 0 },
];

/** A study, survey or statistic stated as fact: such a page must list where it comes from. */
const EMPIRICAL_CLAIM =
  /\b(?:a|one|this|that|the|recent) (?:\d{4} )?(?:study|survey|experiment|poll) (?:of|by|from|in|published|found|finds|shows|showed|suggests|suggested|reports|reported)\b|\bresearch (?:shows|suggests|found|finds|has shown)\b|\bstudies (?:show|suggest|found|find)\b|\b\d+(?:\.\d+)? ?(?:%|percent)\b/i;

/** Frontmatter fields copied verbatim from the source document, or not prose: the spelling rule leaves them alone. */
const NOT_PROSE = new Set([
  "id",
  "title",
  "source",
  "section",
  "subsection",
  "heading",
  "industries",
  "related",
  "aliases",
  "order",
  "reviewed",
  "sources",
]);

export type AnyEntry = Entry<{
  reviewed?: string | undefined;
  sources?: unknown[];
  changes?: { date: string; note: string }[];
}>;

export interface EditorialOptions {
  /** Today as YYYY-MM-DD (UTC unless a test says otherwise), for the rules on review and change dates. */
  today: string;
  /** Practice ids still waiting for their first review, from `readPending`. */
  pending: ReadonlySet<string>;
}

/** The line in the entry's file of an offset into its body text. */
const bodyLineAt = (entry: AnyEntry, index: number) => entry.bodyLine + entry.body.slice(0, index).split("\n").length - 1;

/** Every editorial rule over the whole handbook. */
export function checkEditorial(content: HandbookContent, options: EditorialOptions): Problem[] {
  const entries: AnyEntry[] = [...content.home, ...content.sections, ...content.industries, ...content.practices];
  const practiceIds = new Set(content.practices.map((p) => p.id));
  // Pages still to be reviewed are held to the per-page rules, but not yet counted for the handbook-wide ones.
  const reviewed = entries.filter((e) => !(practiceIds.has(e.id) && options.pending.has(e.id)));
  return [
    ...entries.flatMap(spelling),
    ...entries.flatMap(channelLimits),
    ...entries.flatMap(unsourcedClaims),
    ...reviewDates(content, options),
    ...entries.flatMap((entry) => changeDates(entry, options.today)),
    ...recycledNames(reviewed),
    ...stockPhrases(reviewed),
    ...siblingOverlap(content, options.pending),
  ];
}

/** British spellings in the body and in the frontmatter's own prose (summaries, lead-ins, reasons). */
function spelling(entry: AnyEntry): Problem[] {
  const problems: Problem[] = [];
  const report = (word: string, american: string, line: number | undefined, field: string) =>
    problems.push({
      kind: "spelling",
      file: entry.file,
      line,
      field,
      message: `"${word}" is British spelling; the handbook is written in American English, like its source`,
      fix: american === "résumé" ? `write "résumé" (or "curriculum vitae" where an academic CV is meant)` : `write "${american}"`,
    });
  const lines = entry.text.split("\n");
  let key = "";
  for (let i = 1; i < entry.bodyLine - 2; i++) {
    const line = lines[i]!;
    const top = /^([A-Za-z]+):/.exec(line);
    if (top) key = top[1]!;
    if (NOT_PROSE.has(key)) continue;
    const field = /^\s*-?\s*([A-Za-z]+):/.exec(line)?.[1] ?? key;
    if (NOT_PROSE.has(field)) continue;
    for (const hit of britishSpellings(line)) report(hit.word, hit.american, i + 1, field);
  }
  for (const node of walkTree(entry.tree, (n) => n.type !== "inlineCode" && n.type !== "code")) {
    if (node.type !== "text") continue;
    for (const hit of britishSpellings(node.value)) {
      report(hit.word, hit.american, (lineInEntry(entry, node) ?? entry.bodyLine) + lineOffset(node.value, hit.index), "body");
    }
  }
  return problems;
}

const lineOffset = (text: string, index: number) => text.slice(0, index).split("\n").length - 1;

/** A message written for a channel must fit it: a LinkedIn invitation note longer than the free account allows cannot be sent. */
function channelLimits(entry: AnyEntry): Problem[] {
  const problems: Problem[] = [];
  for (const node of walkTree(entry.tree)) {
    if (node.type !== "mdxJsxFlowElement") continue;
    const element = node as MdxJsxFlowElement;
    const label = element.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "label")?.value;
    const channel = messageChannel(element);
    const line = lineInEntry(entry, node);
    if (!channel && typeof label === "string" && /connection request|linkedin note|invitation to connect|connection note/i.test(label)) {
      problems.push({
        kind: "message-channel",
        file: entry.file,
        line,
        field: "body",
        message: `the message "${label}" reads like a LinkedIn invitation but names no channel`,
        fix: 'add channel="linkedin-invitation" (or the channel it is really for), so its length is checked',
      });
      continue;
    }
    const limit = channel && EDITORIAL.channelLimits[channel];
    if (!limit) continue;
    const text = element.children.map((child) => toString(child)).join("\n").trim();
    const length = [...text].length;
    if (length > limit) {
      problems.push({
        kind: "message-length",
        file: entry.file,
        line,
        field: "body",
        message: `the ${channel} message "${label}" has ${length} characters; the channel allows ${limit}`,
        fix: `cut it to ${limit} characters or fewer, so a reader on a free account can send it as written`,
      });
    }
  }
  return problems;
}

/** A study or a figure stated as fact, on a page that lists no sources. */
function unsourcedClaims(entry: AnyEntry): Problem[] {
  if ((entry.data.sources ?? []).length > 0) return [];
  const match = EMPIRICAL_CLAIM.exec(entry.body);
  if (!match) return [];
  return [
    {
      kind: "unsourced-claim",
      file: entry.file,
      line: bodyLineAt(entry, match.index),
      field: "sources",
      message: `the body states a finding or a figure ("${match[0].trim()}") and the page lists no sources`,
      fix: "add the study or page it comes from to sources (title, publisher, url, year), or drop the claim",
    },
  ];
}

/** Each practice says when it was last reviewed, never in the future; a pending practice waits for its first review. */
function reviewDates(content: HandbookContent, { today, pending }: EditorialOptions): Problem[] {
  const problems: Problem[] = [];
  const entries: AnyEntry[] = [...content.home, ...content.sections, ...content.industries, ...content.practices];
  for (const entry of entries) {
    const date = entry.data.reviewed;
    if (date && date > today) {
      problems.push({
        kind: "reviewed",
        file: entry.file,
        line: frontmatterLine(entry, "reviewed"),
        field: "reviewed",
        message: `the page says it was reviewed on ${date}, which is after today (${today})`,
        fix: "give the day the review really happened",
      });
    }
  }
  for (const practice of content.practices) {
    const date = practice.data.reviewed;
    if (!date && !pending.has(practice.id)) {
      problems.push({
        kind: "reviewed",
        file: practice.file,
        field: "reviewed",
        message: "the practice has no reviewed date",
        fix: `review it against content/EDITORIAL.md and add reviewed: ${today} (the day of the review)`,
      });
    }
    if (date && pending.has(practice.id)) {
      problems.push({
        kind: "reviewed",
        file: `content/${EDITORIAL.pendingFile}`,
        field: practice.id,
        message: `"${practice.id}" is listed as waiting for review but was reviewed on ${date}`,
        fix: `remove the line "${practice.id}" from content/${EDITORIAL.pendingFile}`,
      });
    }
  }
  return problems;
}

/**
 * Change notes dated after today: a note announces a change readers can
 * already see, so it is dated the day the change is published, never ahead of
 * it. The problem names the note's own line and index.
 */
function changeDates(entry: AnyEntry, today: string): Problem[] {
  return (entry.data.changes ?? []).flatMap((change, index): Problem[] =>
    change.date > today
      ? [
          {
            kind: "change-date",
            file: entry.file,
            line: frontmatterLineOf(entry.text, ["changes", index, "date"]),
            field: `changes.${index}.date`,
            message: `the change note is dated ${change.date}, which is after today (${today})`,
            fix: "date it the day the change is published; add the note with the change itself, not ahead of it",
          },
        ]
      : [],
  );
}

const frontmatterLine = (entry: AnyEntry, key: string) => {
  const index = entry.text.split("\n").findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
};

/** Each given name the pages cast as a person, with every page (and line) it plays someone on. */
export function castByName(entries: readonly AnyEntry[]): Map<string, { entry: AnyEntry; line: number }[]> {
  const lowercase = lowercaseWords(entries.map((e) => e.body));
  const cast = new Map<string, { entry: AnyEntry; line: number }[]>();
  for (const entry of entries) {
    const signOffs = [...entry.body.matchAll(/\n([^\n]+)\n+<\/Message>/g)].map((m) => ({
      text: m[1]!,
      index: m.index! + 1,
    }));
    for (const { name, index } of namesCast(entry.body, lowercase, signOffs)) {
      cast.set(name, [...(cast.get(name) ?? []), { entry, line: bodyLineAt(entry, index) }]);
    }
  }
  return cast;
}

/** A given name that plays people on more than `EDITORIAL.namePages` pages. */
function recycledNames(entries: readonly AnyEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const [name, uses] of castByName(entries)) {
    if (uses.length <= EDITORIAL.namePages) continue;
    for (const { entry, line } of uses) {
      problems.push({
        kind: "recycled-name",
        file: entry.file,
        line,
        field: "body",
        message: `"${name}" plays a person on ${uses.length} pages (${uses.map((u) => u.entry.id).join(", ")}); a name may appear on ${EDITORIAL.namePages}`,
        fix: `give this page's person a name no other page uses`,
      });
    }
  }
  return problems;
}

/**
 * A body's text as a reader meets it, for phrase counts: link targets go
 * (a link to /practices/be-genuine/ is not the word "genuine"), lines stay
 * where they were, so a match still names its line.
 */
const proseOf = (body: string) => body.replace(/\]\([^)\n]*\)/g, "]");

/** The pages (and first line) each stock phrase appears on. */
export function phrasePages(entries: readonly AnyEntry[]): { phrase: (typeof STOCK_PHRASES)[number]; uses: { entry: AnyEntry; line: number }[] }[] {
  return STOCK_PHRASES.map((phrase) => ({
    phrase,
    uses: entries.flatMap((entry) => {
      const match = phrase.pattern.exec(proseOf(entry.body));
      return match ? [{ entry, line: bodyLineAt(entry, match.index + (match[0].length - match[0].trimStart().length)) }] : [];
    }),
  }));
}

/** Pages that use a stock phrase, when more pages use it than its cap allows. */
function stockPhrases(entries: readonly AnyEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const { phrase: { phrase, maxPages }, uses } of phrasePages(entries)) {
    if (uses.length <= maxPages) continue;
    for (const { entry, line } of uses) {
      problems.push({
        kind: "stock-phrase",
        file: entry.file,
        line,
        field: "body",
        message: `${phrase} is on ${uses.length} page${uses.length === 1 ? "" : "s"}; the handbook allows it on ${maxPages}`,
        fix: maxPages === 0 ? "say the specific thing instead" : "say it in this page's own words, here or on another page that uses it",
      });
    }
  }
  return problems;
}

/** Practices that share a title but say much the same thing. */
function siblingOverlap(content: HandbookContent, pending: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const { a, b, score } of siblingScores(content)) {
    if (score < EDITORIAL.siblingSimilarity) continue;
    for (const [page, other] of [
      [a, b],
      [b, a],
    ] as const) {
      if (pending.has(page.id)) continue;
      problems.push({
        kind: "sibling-overlap",
        file: page.file,
        line: page.bodyLine,
        field: "body",
        message: `this page and "${other.data.title}" in ${other.data.subsection} (${other.id}) read alike: similarity ${score.toFixed(2)}, limit ${EDITORIAL.siblingSimilarity}`,
        fix: `write this page from its own section's angle (${page.data.subsection}) and link to the other for what they share`,
      });
    }
  }
  return problems;
}

/** How alike each pair of practices that share a title reads (see `similarity.ts`). */
export function siblingScores(content: HandbookContent) {
  return namesakePairs(content).map(([a, b]) => ({ a, b, score: textSimilarity(toString(a.tree), toString(b.tree)) }));
}

/** Every pair of practices that share a title. */
export function namesakePairs(content: HandbookContent): [HandbookContent["practices"][number], HandbookContent["practices"][number]][] {
  const byTitle = new Map<string, HandbookContent["practices"]>();
  for (const p of content.practices) byTitle.set(p.data.title, [...(byTitle.get(p.data.title) ?? []), p]);
  const pairs: ReturnType<typeof namesakePairs> = [];
  for (const group of byTitle.values()) {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) pairs.push([group[i]!, group[j]!]);
  }
  return pairs;
}

/**
 * Reads the list of practices waiting for their first review: one id per
 * line, `#` comments. A former id (an alias) stands for the practice it now
 * names, so renaming a practice does not touch the list. An id that is not a
 * practice is a problem, so the list can only shrink as pages are reviewed.
 */
export function readPending(
  text: string,
  file: string,
  practiceIds: ReadonlyMap<string, string>,
): { pending: Set<string>; problems: Problem[] } {
  const pending = new Set<string>();
  const problems: Problem[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    const id = practiceIds.get(line);
    if (!id) {
      problems.push({
        kind: "pending",
        file,
        line: index + 1,
        message: `"${line}" is not a practice id`,
        fix: "remove the line; only existing practices can wait for review",
      });
      return;
    }
    pending.add(id);
  });
  return { pending, problems };
}

/** Today in UTC as YYYY-MM-DD. */
export const todayIso = () => new Date().toISOString().slice(0, 10);
