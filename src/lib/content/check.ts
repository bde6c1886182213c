import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { internalLinks, linkResolves } from "./body-links.ts";
import { loadContent, type Entry, type HandbookContent } from "./read-entries.ts";
import { checkCoverage, type CoverageReport } from "./coverage.ts";
import { parsedOnce } from "./parse-cache.ts";
import type { Problem } from "./problems.ts";
import { checkReferences, linkTargets } from "./references.ts";
import { parseSource, SourceParseError, type SourceDocument } from "./source.ts";
import { checkWriting } from "./writing-rules.ts";

export interface HandbookCheck {
  content: HandbookContent;
  coverage?: CoverageReport;
  /** Every problem: files, schemas, bodies, references, writing rules, coverage, source structure. */
  problems: Problem[];
}

/** The source document, parsed once per process however many steps ask for it (see `parse-cache.ts`). */
export function readSource(sourceFile: string): SourceDocument {
  const markdown = readFileSync(sourceFile, "utf8");
  return parsedOnce(sourceFile, markdown, () => parseSource(markdown));
}

/**
 * Runs every content check in one pass: each file of the content folder
 * (stray files, schemas, body syntax), the links between entries and from
 * bodies, the writing rules and the coverage of the source document. The
 * coverage script and the build both call this, over the entries the build's
 * loader reads, so they can never disagree.
 */
export function checkHandbook(contentDir: string, sourceFile: string): HandbookCheck {
  const { content, problems } = loadContent(contentDir);
  problems.push(...checkReferences(content));
  problems.push(
    ...checkBodyLinks(
      [...content.home, ...content.sections, ...content.industries, ...content.practices],
      linkTargets(content),
    ),
  );
  problems.push(...checkWriting(content));
  const fromCwd = relative(process.cwd(), sourceFile);
  const sourceName = fromCwd && !fromCwd.startsWith("..") ? fromCwd : sourceFile;
  let doc: SourceDocument;
  try {
    doc = readSource(sourceFile);
  } catch (error) {
    if (error instanceof SourceParseError) {
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
  const coverage = checkCoverage(doc, content, sourceName);
  problems.push(...coverage.problems);
  return { content, coverage, problems };
}

/** Every link in a body to a page or anchor the handbook does not publish, at its line in the file. */
export function checkBodyLinks(
  entries: readonly Entry<unknown>[],
  targets: ReadonlyMap<string, ReadonlySet<string>>,
): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    for (const link of internalLinks(entry.tree)) {
      if (linkResolves(link.href, targets)) continue;
      problems.push({
        kind: "broken-link",
        file: entry.file,
        line: entry.bodyLine - 1 + link.line,
        field: "body",
        message: `the link to ${link.href} goes to no page or anchor of the handbook`,
        fix: "link to /practices/<id>/, /sections/<section>/ or /sections/<section>/#<practice-or-subsection-id> of an existing entry",
      });
    }
  }
  return problems;
}
