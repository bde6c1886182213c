import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/lib/content/problems.ts";
import { loadContent } from "../../src/lib/content/read-entries.ts";
import { addedPermalinks, readPermalinkHistory } from "../../src/lib/site/permalink-history.ts";
import {
  checkPermalinkHistory,
  checkPermalinkLock,
  formatPermalinkList,
  mergePermalinks,
  parsePermalinkList,
  publishedUrls,
} from "../../src/lib/site/permalinks.ts";
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

describe("the permalink lock", () => {
  const lock = formatPermalinkList(publishedUrls(loadContent(writeFixture().dir).content)).split("\n");
  const lineOf = (url: string) => lock.indexOf(url) + 1;

  it("passes while the content publishes every locked URL", () => {
    expect(
      checkPermalinkLock(lock, new Set(publishedUrls(loadContent(writeFixture().dir).content)), "permalinks.txt"),
    ).toEqual([]);
  });

  it("names each URL and anchor of a deleted practice at its line of the list, with the fix", () => {
    const { dir } = writeFixture((f) => {
      delete f["practices/short-replies.mdx"];
    });
    const problems = checkPermalinkLock(
      lock,
      new Set(publishedUrls(loadContent(dir).content)),
      "content/permalinks.txt",
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [lineOf("/practices/short-replies/"), "/practices/short-replies/"],
      [lineOf("/sections/basics/#short-replies"), "/sections/basics/#short-replies"],
    ]);
    expect(problems[0]).toMatchObject({
      kind: "permalink-unpublished",
      file: "content/permalinks.txt",
      fix: "restore the practice, or keep the URL alive by listing the old id in `aliases` of the practice that replaces it",
    });
  });

  it("an alias on the practice that replaces it keeps the old URL and anchor alive", () => {
    const { dir } = writeFixture((f) => {
      delete f["practices/short-replies.mdx"];
      f["practices/subject-lines.mdx"] = f["practices/subject-lines.mdx"]!.replace(
        "related:",
        "aliases: [short-replies]\nrelated:",
      );
    });
    expect(checkPermalinkLock(lock, new Set(publishedUrls(loadContent(dir).content)), "permalinks.txt")).toEqual([]);
  });

  it("the history check names every line once added and since deleted, with the fix", () => {
    const problems = checkPermalinkHistory(["/a/", "/b/", "/c/#x", "/b/"], ["/a/"], "permalinks.txt");
    expect(problems.map((p) => p.field)).toEqual(["/b/", "/c/#x"]);
    expect(problems[0]!.fix).toBe('restore the line "/b/"; retire a URL by an alias or a redirect, never by deletion');
    expect(checkPermalinkHistory(["/a/"], ["/a/", "/new/"], "permalinks.txt")).toEqual([]);
  });

  it("reads added URLs from a log, not diff headers, context, removed lines or comments", () => {
    const log = [
      "diff --git a/content/permalinks.txt b/content/permalinks.txt",
      "--- /dev/null",
      "+++ b/content/permalinks.txt",
      "@@ -0,0 +1,3 @@",
      "+# Every URL and anchor the handbook has published.",
      "+/a/",
      "+",
      " /kept/",
      "-/gone/",
      "+/b/#x",
      "\\ No newline at end of file",
    ].join("\n");
    expect(addedPermalinks(log)).toEqual(["/a/", "/b/#x"]);
  });
});

describe("the permalink history in git", () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync(
      "git",
      ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args],
      {
        cwd,
        stdio: "pipe",
      },
    );

  function repoWithHistory(): string {
    const dir = mkdtempSync(join(tmpdir(), "handbook-history-"));
    git(dir, "init", "-q");
    writeFileSync(join(dir, "permalinks.txt"), formatPermalinkList(["/a/", "/b/", "/c/#x"]));
    git(dir, "add", "permalinks.txt");
    git(dir, "commit", "-q", "-m", "publish");
    writeFileSync(join(dir, "permalinks.txt"), formatPermalinkList(["/a/", "/c/#x"]));
    git(dir, "commit", "-q", "-am", "drop a line");
    return dir;
  }

  it("reports a line that a later commit deleted, with its fix", () => {
    const dir = repoWithHistory();
    const file = join(dir, "permalinks.txt");
    const history = readPermalinkHistory(file);
    expect(history?.sort()).toEqual(["/a/", "/b/", "/c/#x"]);
    const problems = checkPermalinkHistory(history!, parsePermalinkList(readFileSync(file, "utf8")), "permalinks.txt");
    expect(problems.map(formatProblem)).toEqual([
      "permalinks.txt [/b/]: a URL once listed, so once published, whose line has been deleted from the list\n" +
        '    fix: restore the line "/b/"; retire a URL by an alias or a redirect, never by deletion',
    ]);
  });

  it("a deletion not yet committed is caught too", () => {
    const dir = repoWithHistory();
    const file = join(dir, "permalinks.txt");
    writeFileSync(file, formatPermalinkList(["/a/"]));
    expect(checkPermalinkHistory(readPermalinkHistory(file)!, ["/a/"], "permalinks.txt").map((p) => p.field)).toEqual([
      "/b/",
      "/c/#x",
    ]);
  });

  it("is undefined, so the check says it was skipped, without a repository or in a shallow clone", () => {
    const bare = mkdtempSync(join(tmpdir(), "handbook-nogit-"));
    writeFileSync(join(bare, "permalinks.txt"), formatPermalinkList(["/a/"]));
    expect(readPermalinkHistory(join(bare, "permalinks.txt"))).toBeUndefined();

    const shallow = join(mkdtempSync(join(tmpdir(), "handbook-shallow-")), "clone");
    git(tmpdir(), "clone", "-q", "--depth", "1", `file://${repoWithHistory()}`, shallow);
    expect(readPermalinkHistory(join(shallow, "permalinks.txt"))).toBeUndefined();
  });

  it("is undefined for a file never committed", () => {
    const dir = repoWithHistory();
    writeFileSync(join(dir, "other.txt"), "/a/\n");
    expect(readPermalinkHistory(join(dir, "other.txt"))).toBeUndefined();
  });
});
