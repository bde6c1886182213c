/**
 * npm run build's second step: the search index over the built site
 * (`dist/`, or HANDBOOK_OUT_DIR). Exits 1 with Pagefind's errors if indexing fails.
 */
import { relative } from "node:path";
import { formatConfigProblem, outDirProblem, readConfig } from "../src/lib/config.ts";
import { indexSite } from "../src/lib/search/index-pages.ts";

const config = readConfig();
const { outDir } = config;
// The index is written into the output folder: never into the content or the code.
const unsafe = outDirProblem(config);
if (unsafe) {
  console.error(formatConfigProblem(unsafe));
  process.exit(1);
}
try {
  const pages = await indexSite(outDir);
  console.log(`Pagefind indexed ${pages} pages into ${relative(process.cwd(), outDir) || "."}/pagefind`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
