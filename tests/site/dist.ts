import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { readConfig } from "../../src/lib/config.ts";
import { loadContent } from "../../src/lib/content/read-entries.ts";

/** The built site, as the site tests read it: `dist/`, or the `HANDBOOK_OUT_DIR` a test built into. */
export const DIST = readConfig().outDir;

/** The content the site was built from (`content/`, or `HANDBOOK_CONTENT_DIR`). */
export const CONTENT_DIR = readConfig().contentDir;
export const { content } = loadContent(CONTENT_DIR);

/** Parses a built page by its site path, e.g. `/practices/be-genuine/`. Throws if it was not built. */
export function page(path: string): HTMLElement {
  const file = join(DIST, path, path.endsWith("/") ? "index.html" : "");
  if (!existsSync(file)) throw new Error(`dist has no page for ${path} (expected ${file}); run npm run build first`);
  return parse(readFileSync(file, "utf8"));
}

/** The text of an element with whitespace collapsed, as a reader sees it. */
export function text(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}
