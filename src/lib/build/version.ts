import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

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
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    if (statSync(root).isDirectory()) walk(root);
    else files.push(root);
    for (const file of files) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 12);
}
