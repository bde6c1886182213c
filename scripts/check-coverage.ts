/**
 * npm run check:coverage [-- --source PATH] [--content DIR] [--json]
 *
 * Proves that the content covers the source document: every heading and
 * bullet has exactly one entry, verbatim text matches, nothing is orphaned.
 * Exits 1 and lists every problem with where it is and how to fix it.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkHandbook } from "../src/lib/content/check.ts";
import { readConfig } from "../src/lib/config.ts";
import { formatCounts } from "../src/lib/content/coverage.ts";
import { formatProblem } from "../src/lib/content/problems.ts";

const { values } = parseArgs({
  options: {
    source: { type: "string" },
    content: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const config = readConfig(values.content ? { ...process.env, HANDBOOK_CONTENT_DIR: values.content } : process.env);
const sourceFile = values.source ? resolve(values.source) : config.sourceFile;
const result = checkHandbook(config.contentDir, sourceFile);
const ok = result.problems.length === 0 && result.coverage !== undefined;

if (values.json) {
  const { coverage, problems } = result;
  console.log(
    JSON.stringify(
      {
        ok,
        sections: coverage?.sections,
        subsections: coverage?.subsections,
        practices: coverage?.practices,
        problems,
      },
      null,
      2,
    ),
  );
} else {
  for (const problem of result.problems) console.error(formatProblem(problem));
  if (result.coverage) console.log(formatCounts(result.coverage));
  console.log(ok ? "coverage: ok" : `coverage: ${result.problems.length} problem(s)`);
}
process.exit(ok ? 0 : 1);
