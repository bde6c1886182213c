import type { HandbookContent } from "../content/read-entries.ts";
import type { Problem } from "../content/problems.ts";
import { linkTargets } from "../content/references.ts";

/**
 * Every URL and in-page anchor the handbook publishes for its content: each
 * page, each practice anchor and each subsection anchor on its section page.
 * These are the promises kept in the committed permalink list.
 */
export function publishedUrls(content: HandbookContent): string[] {
  return urlsOf(linkTargets(content));
}

/** Each page of `targets` and each anchor on it, as URLs, sorted. */
export function urlsOf(targets: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const urls: string[] = [];
  for (const [path, anchors] of targets) {
    urls.push(path);
    for (const anchor of anchors) urls.push(`${path}#${anchor}`);
  }
  return [...new Set(urls)].sort();
}

/** The lock's file name in the content folder. */
export const PERMALINKS_FILE = "permalinks.txt";

/** Parses the committed list: one URL a line; blank lines and `#` comments ignored. */
export function parsePermalinkList(text: string): string[] {
  return permalinkLines(text.split("\n")).map((entry) => entry.url);
}

/** Each URL of the list's lines with its 1-based line, so a problem can point at it. */
function permalinkLines(lines: readonly string[]): { url: string; line: number }[] {
  return lines
    .map((text, index) => ({ url: text.trim(), line: index + 1 }))
    .filter(({ url }) => url && !url.startsWith("# "));
}

/**
 * Every locked URL or anchor the content would no longer publish, each at its
 * line of the list. `listed` is the list file's lines as they are
 * (`text.split("\n")`), header and blank lines included, so each problem names
 * the line to look at. An alias keeps an old URL published, so retiring a
 * practice the right way passes.
 */
export function checkPermalinkLock(listed: string[], published: ReadonlySet<string>, file: string): Problem[] {
  return permalinkLines(listed)
    .filter(({ url }) => !published.has(url))
    .map(({ url, line }) => ({
      kind: "permalink-unpublished",
      file,
      line,
      field: url,
      message: "a locked URL that the content no longer publishes",
      fix: "restore the practice, or keep the URL alive by listing the old id in `aliases` of the practice that replaces it",
    }));
}

/**
 * Every URL that was once added to the list and is no longer in it. Deleting
 * a line together with its practice passes the lock check, so only the list's
 * history can show that a promise was dropped.
 */
export function checkPermalinkHistory(
  everAdded: readonly string[],
  current: readonly string[],
  file: string,
): Problem[] {
  const kept = new Set(current);
  return [...new Set(everAdded)]
    .filter((url) => !kept.has(url))
    .sort()
    .map((url) => ({
      kind: "permalink-deleted",
      file,
      field: url,
      message: "a URL once listed, so once published, whose line has been deleted from the list",
      fix: `restore the line "${url}"; retire a URL by an alias or a redirect, never by deletion`,
    }));
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
