import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { describe, expect, it } from "vitest";
import { handbookLoader } from "../../src/lib/content/loader.ts";
import { loadContent } from "../../src/lib/content/read-entries.ts";
import { writeFixture } from "../fixtures/mini.ts";

type DataEntry = Parameters<LoaderContext["store"]["set"]>[0];

/** The parts of Astro's loader context the loader uses: a store over a Map, schema validation as identity. */
function fakeContext(root: string, base = "/") {
  const entries = new Map<string, DataEntry>();
  const renders: string[] = [];
  const warnings: string[] = [];
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: DataEntry) => {
        renders.push(entry.id);
        entries.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => void entries.delete(id),
      keys: () => [...entries.keys()],
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (text: string) => String(text.length) + text.slice(-40),
    config: { root: pathToFileURL(`${root}/`), base },
    logger: { warn: (m: string) => void warnings.push(m), error: () => {} },
  };
  return { entries, renders, warnings, context: context as unknown as LoaderContext };
}

describe("the content loader", () => {
  it("builds exactly the entries the check reads, stray files included in neither", async () => {
    const { dir } = writeFixture((f) => {
      f["practices/extra.md"] = f["practices/subject-lines.mdx"]!.replace("id: subject-lines", "id: extra-md");
      f["practices/sub/nested.mdx"] = f["practices/subject-lines.mdx"]!.replace("id: subject-lines", "id: nested");
    });
    const { content, problems } = loadContent(dir);
    const { entries, warnings, context } = fakeContext(dir);
    await handbookLoader("practices", dir).load(context);
    expect([...entries.keys()].sort()).toEqual(content.practices.map((p) => p.id).sort());
    expect(entries.has("extra-md")).toBe(false);
    expect(entries.has("nested")).toBe(false);
    // The check refuses both, with the path and the fix; `astro dev` shows the same lines.
    expect(problems.map((p) => [p.kind, p.file.replace(/^.*practices\//, "practices/")])).toEqual([
      ["stray-file", "practices/extra.md"],
      ["stray-file", "practices/sub/nested.mdx"],
    ]);
    expect(problems[0]!.fix).toMatch(/rename it to .*practices\/extra\.mdx/);
    expect(problems[1]!.fix).toMatch(/move it to .*practices\/nested\.mdx/);
    expect(warnings).toHaveLength(2);
  });

  it("stores each body as HTML with the base path, its headings and its excerpt", async () => {
    const { dir } = writeFixture((f) => {
      f["practices/subject-lines.mdx"] += "\nSee [basics](/sections/basics/).\n";
    });
    const { entries, context } = fakeContext(dir, "/handbook/");
    await handbookLoader("practices", dir).load(context);
    const entry = entries.get("subject-lines")!;
    expect(entry.filePath).toBe("practices/subject-lines.mdx");
    expect(entry.rendered!.html).toContain('<a href="/handbook/sections/basics/">basics</a>');
    // Part headings are kept out of search: they are the same on every practice.
    expect(entry.rendered!.html).toContain('<h2 id="why-it-matters" data-pagefind-ignore>');
    expect(entry.rendered!.html).toContain("<!--message:Note-->");
    expect(entry.rendered!.metadata!["headings"]).toHaveLength(4);
    // The excerpt is the first sentence whole, or nothing when that is too long to list.
    const first = /Point 1 on subject-lines[a-z ]+\./.exec(entry.rendered!.html)![0];
    expect(entry.rendered!.metadata!["excerpt"]).toBe(first.length <= 140 ? first : "");
  });

  it("renders again only what changed, and drops what was deleted", async () => {
    const { dir } = writeFixture();
    const { entries, renders, context } = fakeContext(dir);
    const loader = handbookLoader("practices", dir);
    await loader.load(context);
    const first = renders.length;
    const file = join(dir, "practices/subject-lines.mdx");
    writeFileSync(file, `${loadContent(dir).content.practices.find((p) => p.id === "subject-lines")!.text}\nMore.\n`);
    rmSync(join(dir, "practices/open-source.mdx"));
    await loader.load(context);
    expect(renders.slice(first)).toEqual(["subject-lines"]);
    expect(entries.get("subject-lines")!.body).toContain("More.");
    expect(entries.has("open-source")).toBe(false);
  });
});
