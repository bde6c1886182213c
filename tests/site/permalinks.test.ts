import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePermalinkList, publishedUrls } from "../../src/lib/site/permalinks.ts";
import { CONTENT_DIR, content, DIST, page } from "./dist.ts";

const listed = parsePermalinkList(readFileSync(join(CONTENT_DIR, "permalinks.txt"), "utf8"));

describe("every published URL and anchor still resolves in the built site", () => {
  it("the list holds at least every URL the content publishes", () => {
    expect(listed.length).toBeGreaterThanOrEqual(publishedUrls(content).length);
  });

  it.each(listed)("%s", (url) => {
    const [path = "", anchor] = url.split("#");
    expect(existsSync(join(DIST, path, "index.html")), `no page at ${path}`).toBe(true);
    const html = page(path);
    const refresh = html.querySelector('meta[http-equiv="refresh"]');
    if (refresh) {
      // An alias page: it must send the reader on to a page that exists.
      const to = /url=(.*)$/.exec(refresh.getAttribute("content") ?? "")?.[1] ?? "";
      expect(existsSync(join(DIST, to, "index.html")), `${path} redirects to ${to}, which does not exist`).toBe(true);
    }
    if (anchor) expect(html.getElementById(anchor), `no element with id="${anchor}" on ${path}`).not.toBeNull();
  });
});
