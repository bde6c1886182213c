/**
 * npm run check:permalinks
 *
 * Holds the handbook to content/permalinks.txt: every locked URL and anchor is
 * still published by the content (an alias keeps an old one alive), and no line
 * ever committed to the list has been deleted from it. Exits 1 and prints every
 * problem with where it is and how to fix it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readConfig } from "../src/lib/config.ts";
import { loadContent } from "../src/lib/content/read-entries.ts";
import { formatProblem, type Problem } from "../src/lib/content/problems.ts";
import { readPermalinkHistory } from "../src/lib/site/permalink-history.ts";
import {
  checkPermalinkHistory,
  checkPermalinkLock,
  parsePermalinkList,
  PERMALINKS_FILE,
  publishedUrls,
} from "../src/lib/site/permalinks.ts";

const { contentDir } = readConfig();
const path = join(contentDir, PERMALINKS_FILE);
const fromCwd = relative(process.cwd(), path);
const file = fromCwd && !fromCwd.startsWith("..") ? fromCwd : path;
if (!existsSync(path)) {
  console.error(`${file}: the permalink list is missing\n    fix: restore it from git; never delete it`);
  process.exit(1);
}
const { content, problems: contentProblems } = loadContent(contentDir);
if (contentProblems.length) {
  for (const problem of contentProblems) console.error(formatProblem(problem));
  console.error("permalinks: fix the content first (npm run check:coverage)");
  process.exit(1);
}

const lines = readFileSync(path, "utf8").split("\n");
const listed = parsePermalinkList(lines.join("\n"));
const history = readPermalinkHistory(path);
const problems: Problem[] = [
  ...checkPermalinkLock(lines, new Set(publishedUrls(content)), file),
  ...(history ? checkPermalinkHistory(history, listed, file) : []),
];

for (const problem of problems) console.error(formatProblem(problem));
console.log(
  history
    ? `permalinks: ${listed.length} locked; history: ${history.length} ever added`
    : `permalinks: ${listed.length} locked; history check skipped (no full git history of ${file})`,
);
console.log(problems.length ? `permalinks: ${problems.length} problem(s)` : "permalinks: ok");
process.exit(problems.length ? 1 : 0);
