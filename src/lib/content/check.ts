import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { BodyError, parseBody } from "./body.ts";
import { internalLinks, linkResolves } from "./body-links.ts";
import { loadContent, type Entry, type HandbookContent } from "./read-entries.ts";
import { checkCoverage, type CoverageReport } from "./coverage.ts";
import type { Problem } from "./problems.ts";
import { checkReferences, linkTargets } from "./references.ts";
import { parseSource, SourceParseError } from "./source.ts";

export interface HandbookCheck {
  content: HandbookContent;
  coverage?: CoverageReport;
  /** Every problem: schema, references, coverage, source structure. */
  problems: Problem[];
}

/**
 * Runs every content check in one pass: each entry against its schema, the
 * links between entries, and the coverage of the source document. The coverage
 * script and the build both call this, so they can never disagree.
 */
export function checkHandbook(contentDir: string, sourceFile: string): HandbookCheck {
  const { content, problems } = loadContent(contentDir);
  problems.push(...checkReferences(content));
  problems.push(
    ...checkBodies(
      [...content.home, ...content.sections, ...content.industries, ...content.practices],
      linkTargets(content),
    ),
  );
  const fromCwd = relative(process.cwd(), sourceFile);
  const sourceName = fromCwd && !fromCwd.startsWith("..") ? fromCwd : sourceFile;
  let markdown: string;
  try {
    markdown = readFileSync(sourceFile, "utf8");
  } catch {
    problems.push({
      kind: "source",
      file: sourceName,
      message: "the source document cannot be read",
      fix: "check the path given to --source",
    });
    return { content, problems };
  }
  try {
    const coverage = checkCoverage(parseSource(markdown), content, sourceName);
    problems.push(...coverage.problems);
    return { content, coverage, problems };
  } catch (error) {
    if (!(error instanceof SourceParseError)) throw error;
    problems.push({
      kind: "source",
      file: sourceName,
      line: error.line,
      message: error.message.replace(/^source line \d+: /, ""),
      fix: "restore the source's structure: ## sections, ### subsections, `- **Title**: text` bullets",
    });
    return { content, problems };
  }
}

/**
 * Every body that would not render (MDX syntax, a component other than
 * `<Message label>`, code) and every link in a body to a page or anchor the
 * handbook does not publish. Caught here, before the build starts, with the
 * line in the file. One parse per body serves both checks.
 */
export function checkBodies(entries: Entry<unknown>[], targets: ReadonlyMap<string, ReadonlySet<string>>): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    const inFile = (bodyLine: number | undefined) =>
      bodyLine === undefined ? undefined : entry.bodyLine - 1 + bodyLine;
    let tree;
    try {
      tree = parseBody(entry.body);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      problems.push({
        kind: "body",
        file: entry.file,
        line: inFile(error.line),
        message: error.reason,
        fix: error.fix,
      });
      continue;
    }
    for (const link of internalLinks(tree)) {
      if (linkResolves(link.href, targets)) continue;
      problems.push({
        kind: "broken-link",
        file: entry.file,
        line: inFile(link.line),
        field: "body",
        message: `the link to ${link.href} goes to no page or anchor of the handbook`,
        fix: "link to /practices/<id>/, /sections/<section>/ or /sections/<section>/#<practice-or-subsection-id> of an existing entry",
      });
    }
  }
  return problems;
}
