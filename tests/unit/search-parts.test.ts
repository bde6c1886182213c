import { describe, expect, it } from "vitest";
import { excerptParts, markRanges } from "../../src/lib/search/excerpt.ts";
import { pagefindClient, toResultData, type PagefindModule } from "../../src/lib/search/pagefind-client.ts";
import { decodePracticeList, encodePracticeList } from "../../src/lib/search/practice-list.ts";

describe("excerpts", () => {
  it("keeps text and marks only, decoding entities", () => {
    expect(excerptParts("a <mark>b&amp;c</mark> <b>d</b> &lt;img src=x&gt; &#8217;&#x2019;")).toEqual([
      { text: "a ", marked: false },
      { text: "b&c", marked: true },
      { text: " d <img src=x> ’’", marked: false },
    ]);
    expect(excerptParts("")).toEqual([]);
  });

  it("marks ranges of a text", () => {
    expect(markRanges("Elevator Pitch", [[0, 8]])).toEqual([
      { text: "Elevator", marked: true },
      { text: " Pitch", marked: false },
    ]);
    expect(markRanges("Pitch", [])).toEqual([{ text: "Pitch", marked: false }]);
  });
});

describe("the practice list", () => {
  const sections = [{ id: "s1", title: "Section One" }];
  const industries = [
    { id: "tech", title: "Technology" },
    { id: "finance", title: "Finance" },
  ];
  const entries = [
    { id: "a", title: "Café Chats", section: "s1", subsection: "Events", industries: ["finance"] },
    { id: "b", title: "B", section: "s1", subsection: "Events", industries: [] },
  ];

  it("round-trips ids, titles, sections, subsections and industries, with URLs from ids", () => {
    const list = encodePracticeList(sections, industries, entries);
    expect(list.subsections).toEqual(["Events"]);
    expect(list.practices[0]).toEqual(["a", "Café Chats", 0, 0, [1]]);
    expect(decodePracticeList(list, (id) => `/hb/practices/${id}/`)[0]).toEqual({
      ...entries[0],
      url: "/hb/practices/a/",
      sectionTitle: "Section One",
    });
  });

  it("fails on a section or industry it does not list", () => {
    expect(() => encodePracticeList(sections, industries, [{ ...entries[0]!, industries: ["x"] }])).toThrow(
      /unknown industry "x"/,
    );
  });
});

describe("the Pagefind client", () => {
  function fakePagefind() {
    const calls: string[] = [];
    const module: PagefindModule = {
      options: async (o) => void calls.push(`options ${JSON.stringify(o)}`),
      init: async () => void calls.push("init"),
      filters: async () => {
        calls.push("filters");
        return { section: { A: 2 } };
      },
      search: async (query, options) => {
        calls.push(`search ${query} ${JSON.stringify(options)}`);
        return {
          results: [1, 2, 3].map((n) => ({
            data: async () => ({ url: `/p${n}/`, excerpt: `x${n}`, meta: { title: `P${n}`, type: "practice" } }),
          })),
          filters: { section: { A: 3 } },
        };
      },
    };
    return { calls, module };
  }

  it("loads Pagefind once from the base path, on the main thread, with the filter index right after", async () => {
    const { calls, module } = fakePagefind();
    const urls: string[] = [];
    const client = pagefindClient("/hb/", async (url) => (urls.push(url), module));
    expect(client.ready).toBe(false);
    await Promise.all([client.load(), client.load()]);
    expect(urls).toEqual(["/hb/pagefind/pagefind.js"]);
    expect(calls).toEqual(['options {"baseUrl":"/hb/","excerptLength":22,"noWorker":true}', "init", "filters"]);
    const first = await client.search("a b", { section: ["A"], industry: [] });
    expect(client.ready).toBe(true);
    expect(calls.at(-1)).toBe('search a b {"filters":{"section":{"any":["A"]}}}');
    expect(first.total).toBe(3);
    expect(first.counts).toEqual({ section: { A: 3 } });
    expect((await first.results(1, 3)).map((r) => r.url)).toEqual(["/p2/", "/p3/"]);
    expect(await client.loadFilters()).toEqual({ section: { A: 2 } });
  });

  it("reports no counts from a search that ran before the filter index loaded", async () => {
    const { module } = fakePagefind();
    let release = () => {};
    const loaded = new Promise<{ section: { A: number } }>(
      (resolve) => (release = () => resolve({ section: { A: 2 } })),
    );
    const slowFilters: PagefindModule = { ...module, filters: () => loaded };
    const client = pagefindClient("/", async () => slowFilters);
    expect((await client.search("a", {})).counts).toBeUndefined();
    release();
    expect(await client.loadFilters()).toEqual({ section: { A: 2 } });
    expect((await client.search("a", {})).counts).toEqual({ section: { A: 3 } });
  });

  it("tries again after a failed load", async () => {
    const { module } = fakePagefind();
    let attempts = 0;
    const client = pagefindClient("/", async () => {
      if (attempts++ === 0) throw new Error("offline");
      return module;
    });
    await expect(client.load()).rejects.toThrow("offline");
    await expect(client.load()).resolves.toBeUndefined();
  });

  it("fills in what a result's metadata lacks", () => {
    expect(toResultData({ url: "/x/", excerpt: "e", meta: {} })).toEqual({
      url: "/x/",
      excerpt: "e",
      title: "/x/",
      type: "page",
      section: "",
      subsection: "",
    });
  });
});
