import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { relative } from "node:path";
import { listFiles } from "./files.ts";

/**
 * The build's version: a hash of everything that decides what the site and
 * its search index hold (the content and the code), so two builds of the same
 * sources agree and any change gives a new one. It versions Pagefind's entry
 * file (`metaCacheTag`) and the offline save, and is computed before the build
 * starts, when the index does not exist yet.
 */
export function buildVersion(roots: string[]): string {
  const hash = createHash("sha256");
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const files = statSync(root).isDirectory() ? listFiles(root).sort() : [root];
    for (const file of files) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 12);
}

/** The version of a build of `contentDir`: what astro.config.mjs gives the search and the worker build agrees with. */
export function handbookVersion(contentDir: string): string {
  return buildVersion([contentDir, "src", "astro.config.mjs"]);
}
