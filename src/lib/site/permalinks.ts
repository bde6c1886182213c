import type { HandbookContent } from "../content/read-entries.ts";
import { linkTargets } from "../content/references.ts";

/**
 * Every URL and in-page anchor the handbook publishes for its content: each
 * page, each practice anchor and each subsection anchor on its section page.
 * These are the promises kept in the committed permalink list.
 */
export function publishedUrls(content: HandbookContent): string[] {
  const urls: string[] = [];
  for (const [path, anchors] of linkTargets(content)) {
    urls.push(path);
    for (const anchor of anchors) urls.push(`${path}#${anchor}`);
  }
  return [...new Set(urls)].sort();
}

/** Parses the committed list: one URL a line; blank lines and `#` comments ignored. */
export function parsePermalinkList(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("# "));
}

/** The list after an update: everything already promised plus what is new. Nothing is ever dropped. */
export function mergePermalinks(listed: readonly string[], current: readonly string[]): string[] {
  return [...new Set([...listed, ...current])].sort();
}

export const PERMALINKS_HEADER = `# Every URL and anchor the handbook has published. Each line is a promise: a test
# fails if one stops resolving. Add new ones with \`npm run permalinks:update\`;
# never delete a line; keep an old practice id working with \`aliases\`.
`;

export function formatPermalinkList(urls: readonly string[]): string {
  return `${PERMALINKS_HEADER}${urls.join("\n")}\n`;
}
