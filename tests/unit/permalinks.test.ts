import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/lib/content/read-entries.ts";
import { mergePermalinks, parsePermalinkList, publishedUrls } from "../../src/lib/site/permalinks.ts";
import { writeFixture } from "../fixtures/mini.ts";

describe("permalinks", () => {
  it("lists pages, practice anchors, subsection anchors and aliases", () => {
    const { dir } = writeFixture((f) => {
      f["practices/ask-questions.mdx"] = f["practices/ask-questions.mdx"]!.replace(
        "industries:",
        "aliases: [questions]\nindustries:",
      );
    });
    const urls = publishedUrls(loadContent(dir).content);
    expect(urls).toEqual(
      expect.arrayContaining([
        "/",
        "/practices/",
        "/practices/ask-questions/",
        "/practices/questions/",
        "/sections/basics/",
        "/sections/basics/#ask-questions",
        "/sections/basics/#questions",
        "/sections/basics/#email",
        "/industries/tech/",
      ]),
    );
  });

  it("an update adds new URLs and never drops a promised one", () => {
    expect(mergePermalinks(["/b/", "/old/"], ["/a/", "/b/"])).toEqual(["/a/", "/b/", "/old/"]);
    expect(parsePermalinkList("# comment\n/a/\n\n/b/#x\n")).toEqual(["/a/", "/b/#x"]);
  });

  it("the committed list holds every URL the content publishes (run npm run permalinks:update)", () => {
    const listed = new Set(parsePermalinkList(readFileSync("content/permalinks.txt", "utf8")));
    const missing = publishedUrls(loadContent("content").content).filter((url) => !listed.has(url));
    expect(missing).toEqual([]);
  });
});
