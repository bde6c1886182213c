import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { checkBodyLinks, checkUnsafeLinks } from "./body-links.ts";
import { checkPermalinkLock, PERMALINKS_FILE, urlsOf } from "../site/permalinks.ts";
import { paths } from "../site/urls.ts";
import { loadContent, type HandbookContent, type RejectedEntry } from "./read-entries.ts";
import { checkCoverage, practiceKey, sectionKey, subsectionKey, type CoverageReport } from "./coverage.ts";
import { parsedOnce } from "./parse-cache.ts";
import type { Problem } from "./problems.ts";
import { checkQuestions } from "./questions.ts";
import { checkAnchors, checkReferences, linkTargets, type ExistingIds } from "./references.ts";
import { parseSource, SourceParseError, type SourceDocument } from "./source.ts";
import { ENCODING_FIX, EncodingError, readUtf8 } from "./text-file.ts";
import { checkWriting } from "./writing-rules.ts";
import { checkEditorial, EDITORIAL, readPending, todayIso } from "./editorial.ts";
import { checkCitations } from "./source-citations.ts";
import { readRegister } from "./source-register.ts";

export interface CheckOptions {
  /** Today as YYYY-MM-DD, for the rules on dates (a review or a change note may not be later); today in UTC by default. */
  today?: string;
}

export interface HandbookCheck {
  content: HandbookContent;
  coverage?: CoverageReport;
  /** Every problem: files, schemas, bodies, references, writing rules, coverage, source structure. */
  problems: Problem[];
}

/** The source document, parsed once per process however many steps ask for it (see `parse-cache.ts`). */
export function readSource(sourceFile: string): SourceDocument {
  const markdown = readUtf8(sourceFile);
  return parsedOnce(sourceFile, markdown, () => parseSource(markdown));
}

/**
 * Runs every content check in one pass: each file of the content folder
 * (stray files, schemas, body syntax), the links between entries and from
 * bodies, the writing rules and the coverage of the source document. The
 * coverage script and the build both call this, over the entries the build's
 * loader reads, so they can never disagree.
 */
export function checkHandbook(contentDir: string, sourceFile: string, options: CheckOptions = {}): HandbookCheck {
  const today = options.today ?? todayIso();
  const { content, problems, rejected } = loadContent(contentDir);
  problems.push(...checkReferences(content, existingIds(rejected)));
  const targets = withRefused(linkTargets(content), rejected);
  const entries = [...content.home, ...content.sections, ...content.industries, ...content.practices];
  problems.push(...checkBodyLinks(entries, targets));
  problems.push(...checkUnsafeLinks(entries));
  problems.push(...checkLock(contentDir, targets));
  problems.push(...checkAnchors(content));
  problems.push(...checkWriting(content));
  problems.push(...checkQuestions(content));
  problems.push(...checkEditorialRules(contentDir, content, today));
  problems.push(...checkCitations(content, readRegister(contentDir)));
  const fromCwd = relative(process.cwd(), sourceFile);
  const sourceName = fromCwd && !fromCwd.startsWith("..") ? fromCwd : sourceFile;
  let doc: SourceDocument;
  try {
    doc = readSource(sourceFile);
  } catch (error) {
    if (error instanceof EncodingError) {
      problems.push({ kind: "encoding", file: sourceName, line: error.line, message: error.message, fix: ENCODING_FIX });
    } else if (error instanceof SourceParseError) {
      problems.push({
        kind: "source",
        file: sourceName,
        line: error.line,
        message: error.message.replace(/^source line \d+: /, ""),
        fix: "restore the source's structure: ## sections, ### subsections, `- **Title**: text` bullets",
      });
    } else {
      problems.push({
        kind: "source",
        file: sourceName,
        message: "the source document cannot be read",
        fix: "check the path given to --source",
      });
    }
    return { content, problems };
  }
  const coverage = checkCoverage(doc, content, sourceName, coveredByRejected(rejected, content));
  problems.push(...coverage.problems);
  return { content, coverage, problems };
}

/**
 * The pages and anchors entries may link to and the lock may list, counting
 * entries whose file was refused: they exist, and their own problem says what
 * to fix, so links to them are not reported as broken too.
 */
function withRefused(
  targets: Map<string, Set<string>>,
  rejected: readonly RejectedEntry[],
): Map<string, Set<string>> {
  for (const { collection, id, raw } of rejected) {
    if (collection === "sections" && !targets.has(paths.section(id))) targets.set(paths.section(id), new Set());
    if (collection !== "practices") continue;
    targets.set(paths.practice(id), new Set());
    if (typeof raw["section"] === "string") targets.get(paths.section(raw["section"]))?.add(id);
  }
  return targets;
}

/** Every URL and anchor in the permalink lock that is not among `targets`: the build stops before it breaks a shared link. */
function checkLock(contentDir: string, targets: ReadonlyMap<string, ReadonlySet<string>>): Problem[] {
  const lock = join(contentDir, PERMALINKS_FILE);
  if (!existsSync(lock)) return [];
  const shown = relative(process.cwd(), lock) || lock;
  return checkPermalinkLock(readUtf8(lock).split("\n"), new Set(urlsOf(targets)), shown);
}

/** The editorial standard's rules, with the list of practices still waiting for their first review. */
function checkEditorialRules(contentDir: string, content: HandbookContent, today: string): Problem[] {
  const file = join(contentDir, EDITORIAL.pendingFile);
  const shown = relative(process.cwd(), file) || file;
  // Each practice by its id and by its former ids.
  const ids = new Map(content.practices.flatMap((p) => [p.id, ...p.data.aliases].map((id) => [id, p.id] as const)));
  const { pending, problems } = existsSync(file)
    ? readPending(readUtf8(file), shown, ids)
    : { pending: new Set<string>(), problems: [] };
  return [...problems, ...checkEditorial(content, { today, pending })];
}

/** The ids of refused entries, by collection. */
function existingIds(rejected: readonly RejectedEntry[]): ExistingIds {
  const of = (collection: RejectedEntry["collection"]) =>
    new Set(rejected.filter((r) => r.collection === collection).map((r) => r.id));
  return { sections: of("sections"), industries: of("industries"), practices: of("practices") };
}

/** The source items refused entries would have covered, as far as their frontmatter says. */
function coveredByRejected(rejected: readonly RejectedEntry[], content: HandbookContent): Set<string> {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const headingOf = new Map<string, string | undefined>([
    ...content.sections.map((s) => [s.id, s.data.heading] as const),
    ...rejected.filter((r) => r.collection === "sections").map((r) => [r.id, text(r.raw["heading"])] as const),
  ]);
  const keys = new Set<string>();
  for (const { collection, raw } of rejected) {
    const heading = text(raw["heading"]);
    if ((collection === "home" || collection === "sections") && heading) keys.add(sectionKey(heading));
    if (collection === "sections" && heading && Array.isArray(raw["subsections"])) {
      for (const s of raw["subsections"] as unknown[]) {
        const title = s && typeof s === "object" ? text((s as Record<string, unknown>)["title"]) : undefined;
        if (title) keys.add(subsectionKey(heading, title));
      }
    }
    if (collection === "practices") {
      const section = headingOf.get(text(raw["section"]) ?? "");
      const subsection = text(raw["subsection"]);
      const title = text(raw["title"]);
      if (section && subsection && title) keys.add(practiceKey(section, subsection, title));
    }
  }
  return keys;
}
