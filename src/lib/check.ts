import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { loadContent, type HandbookContent } from "./content-files.ts";
import { checkCoverage, type CoverageReport } from "./coverage.ts";
import type { Problem } from "./problems.ts";
import { checkReferences } from "./references.ts";
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
