/**
 * One thing wrong with the content or the source, said so that an author can
 * fix it without reading code: where it is, which field, what is wrong, and how
 * to fix it.
 */
export interface Problem {
  /** Machine-readable kind, stable for `--json` consumers. */
  kind: string;
  /** The content file (relative to the project) or the source file the problem is in. */
  file: string;
  /** 1-based line in `file`, when known. */
  line?: number | undefined;
  /** The frontmatter field or source item concerned. */
  field?: string | undefined;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

/** One line per problem: `file:line field: message. Fix: …`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` [${problem.field}]` : "";
  return `${where}${field}: ${problem.message}\n    fix: ${problem.fix}`;
}
