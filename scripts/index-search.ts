/**
 * npm run build's second step: the search index over the built site
 * (`dist/`, or HANDBOOK_OUT_DIR). Exits 1 with Pagefind's errors if indexing fails.
 */
import { relative } from "node:path";
import { readConfig } from "../src/lib/config.ts";
import { indexSite } from "../src/lib/search/index-pages.ts";
import { safeOutDir } from "./out-dir.ts";

// The index is written into the output folder: never into the content or the code.
const outDir = safeOutDir(readConfig());
try {
  const pages = await indexSite(outDir);
  console.log(`Pagefind indexed ${pages} pages into ${relative(process.cwd(), outDir) || "."}/pagefind`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
