import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Every file below `dir` whose name ends with `suffix`, skipping folders named
 * in `skip` (Pagefind's index, for instance, when only pages are wanted).
 */
export function listFiles(dir: string, suffix = "", skip: readonly string[] = []): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return skip.includes(name) ? [] : listFiles(path, suffix, skip);
    return name.endsWith(suffix) ? [path] : [];
  });
}
