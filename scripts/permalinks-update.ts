/**
 * npm run permalinks:update
 *
 * Adds the URLs and anchors of new content to content/permalinks.txt. It never
 * removes a line: a published link is a promise, kept by `aliases`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readConfig } from "../src/lib/config.ts";
import { loadContent } from "../src/lib/content/read-entries.ts";
import { formatPermalinkList, mergePermalinks, parsePermalinkList, publishedUrls } from "../src/lib/site/permalinks.ts";
import { formatProblem } from "../src/lib/content/problems.ts";

const { contentDir } = readConfig();
const file = join(contentDir, "permalinks.txt");
const { content, problems } = loadContent(contentDir);
if (problems.length) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error("permalinks: fix the content first");
  process.exit(1);
}
const listed = existsSync(file) ? parsePermalinkList(readFileSync(file, "utf8")) : [];
const merged = mergePermalinks(listed, publishedUrls(content));
writeFileSync(file, formatPermalinkList(merged));
console.log(`permalinks: ${merged.length} listed, ${merged.length - listed.length} added`);
