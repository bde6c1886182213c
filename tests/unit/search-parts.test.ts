import { describe, expect, it } from "vitest";
import { arrange } from "../../src/lib/search/arrange.ts";
import { bodyExcerpt, excerptParts, leadLength, markRanges } from "../../src/lib/search/excerpt.ts";
import {
  pagefindClient,
  toResultData,
  type FilterCounts,
  type PagefindModule,
  type ResultData,
} from "../../src/lib/search/pagefind-client.ts";
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

describe("body excerpts", () => {
  const text = (parts: { text: string; marked: boolean }[]) =>
    parts.map((p) => (p.marked ? `[${p.text}]` : p.text)).join("");
  const lead = ["Follow-up", "Always follow up.", "Digital Communication", "Online Networking Strategies"];
  const page =
    "Follow-up. Always follow up. Digital Communication. Online Networking Strategies. " +
    "Calls and email fade fast. Write within a day. A short note that names what you talked about " +
    "is remembered; a generic one is not. When you follow up, offer one useful thing.";
  const words = page.split(" ");
  const at = (word: string, from = 0) => words.findIndex((w, i) => i >= from && w.startsWith(word));

  it("skips the lead: title, one-liner and the context indexed only for ranking", () => {
    expect(leadLength(words, lead)).toBe(9);
    // A lead the text does not start with is not skipped.
    expect(leadLength(words, ["Other title", "Follow-up"])).toBe(1);
    expect(text(bodyExcerpt(page, [0, 3], lead, 6))).toBe("Calls and email fade fast. Write …");
  });

  it("shows whole words around the matches, from the sentence's start, with ellipses where text is left out", () => {
    const hit = at("follow", 9);
    expect(text(bodyExcerpt(page, [0, 3, hit], lead, 8))).toBe("When you [follow] up, offer one useful thing.");
    const mid = at("names");
    expect(text(bodyExcerpt(page, [mid], lead, 12))).toBe(
      "A short note that [names] what you talked about is remembered; a …",
    );
    // Too far from its sentence's start: a few words before the match, after an ellipsis.
    expect(text(bodyExcerpt(page, [mid], lead, 6))).toBe("… that [names] what you talked about …");
  });

  it("near the end of the text, fills the excerpt from further back", () => {
    expect(text(bodyExcerpt(page, [at("useful")], lead, 12))).toBe("When you follow up, offer one [useful] thing.");
    expect(text(bodyExcerpt(page, [at("useful")], lead, 30))).toMatch(
      /^Write within a day\. .* one \[useful\] thing\.$/,
    );
  });

  it("picks the stretch with the most matches and marks words without their punctuation", () => {
    const first = at("Write");
    const dense = [at("remembered;"), at("generic")];
    expect(text(bodyExcerpt(page, [first, ...dense], lead, 8))).toBe(
      "… is [remembered]; a [generic] one is not. When …",
    );
  });

  it("is empty when the text is all lead", () => {
    expect(bodyExcerpt("Title. Do it.", [0], ["Title", "Do it."])).toEqual([]);
  });
});

describe("keeping results in place", () => {
  const key = (s: string) => s;
  it("keeps pinned results at their index and fills the rest in rank order", () => {
    expect(arrange(["a", "b", "c", "d"], key, new Map([["c", 0]]))).toEqual(["c", "a", "b", "d"]);
    expect(arrange(["a", "b", "c"], key, new Map())).toEqual(["a", "b", "c"]);
    // A pin past the end, or on a taken place, gives way; a pinned result no longer found is dropped.
    expect(arrange(["a", "b"], key, new Map([["b", 5]]))).toEqual(["a", "b"]);
    expect(
      arrange(
        ["a", "b", "c"],
        key,
        new Map([
          ["b", 0],
          ["c", 0],
          ["x", 1],
        ]),
      ),
    ).toEqual(["b", "a", "c"]);
    expect(arrange([], key, new Map([["a", 0]]))).toEqual([]);
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
  /** Pages as Pagefind would find them: a word matches a page whose text has a word starting with it. */
  const PAGES = [
    {
      id: "p1",
      text: "follow up within two days after an event",
      filters: { section: "A", type: "practice" },
      title: "Follow-up",
    },
    {
      id: "p2",
      text: "tech conference talks and conference halls",
      filters: { section: "B", type: "practice" },
      title: "Tech Conferences",
    },
    {
      id: "p3",
      text: "informational interview over coffee",
      filters: { section: "A", type: "practice" },
      title: "Interviews",
    },
  ];
  function fakePagefind() {
    const calls: string[] = [];
    const module: PagefindModule = {
      options: async (o) => void calls.push(`options ${JSON.stringify(o)}`),
      init: async () => void calls.push("init"),
      filters: async () => {
        calls.push("filters");
        return { section: { A: 2, B: 1 }, type: { practice: 3 } };
      },
      search: async (query, options) => {
        calls.push(`search ${query} ${JSON.stringify(options)}`);
        const wanted = Object.entries(options?.filters ?? {});
        const found = PAGES.filter(
          (page) =>
            wanted.every(([name, { any }]) => any.includes(page.filters[name as "section"])) &&
            (query === null || page.text.split(" ").some((w) => w.startsWith(query))),
        );
        return {
          results: found.map((page) => {
            const words = page.text.split(" ");
            const at = words.flatMap((w, i) => (query !== null && w.startsWith(query) ? [i] : []));
            return {
              id: page.id,
              score: at.length,
              words: at,
              data: async () => ({
                url: `/${page.id}/`,
                content: page.text,
                meta: { title: page.title, type: "practice" },
              }),
            };
          }),
          filters: { section: { A: 9 } },
        };
      },
    };
    return { calls, module };
  }
  const urls = async (response: { results: (a: number, b: number) => Promise<ResultData[]> }) =>
    (await response.results(0, 10)).map((r) => r.url);

  it("loads Pagefind once from the base path, on the main thread, with the filter index right after", async () => {
    const { calls, module } = fakePagefind();
    const loadedFrom: string[] = [];
    const client = pagefindClient({ base: "/hb/", version: "v1" }, async (url) => (loadedFrom.push(url), module));
    expect(client.ready).toBe(false);
    await Promise.all([client.load(), client.load()]);
    expect(loadedFrom).toEqual(["/hb/pagefind/pagefind.js"]);
    expect(calls.slice(0, 3)).toEqual([
      'options {"baseUrl":"/hb/","noWorker":true,"metaCacheTag":"v1"}',
      "init",
      "filters",
    ]);
    expect(await client.loadFilters()).toEqual({ section: { A: 2, B: 1 }, type: { practice: 3 } });
  });

  it("searches a question by its meaningful words, each on its own, and ranks the page that matches most first", async () => {
    const { calls, module } = fakePagefind();
    const client = pagefindClient({ base: "/", version: "v1" }, async () => module);
    const response = await client.search("How do I follow up after a conference?", {});
    expect(client.ready).toBe(true);
    const searched = calls.filter((c) => c.startsWith("search ") && !c.startsWith("search null"));
    expect(searched.map((c) => c.split(" ")[1])).toEqual(["follow", "after", "conference"]);
    // p1 has "follow" and "after", p2 "conference" twice: two of three concepts beat one, however strong.
    expect(await urls(response)).toEqual(["/p1/", "/p2/"]);
    expect(response.weak).toBe(false);
    const [first] = await response.results(0, 1);
    expect(first!.locations).toEqual([0, 5]);
  });

  it("finds a page by the handbook's own word for what the reader typed", async () => {
    const { module } = fakePagefind();
    const client = pagefindClient({ base: "/", version: "v1" }, async () => module);
    expect(await urls(await client.search("how do I ask for a coffee chat", {}))).toEqual(["/p3/"]);
  });

  it("applies the filters to every word's search and counts the merged results per filter value", async () => {
    const { calls, module } = fakePagefind();
    const client = pagefindClient({ base: "/", version: "v1" }, async () => module);
    await client.loadFilters();
    const all = await client.search("follow conference", {});
    expect(all.counts).toEqual({ section: { A: 1, B: 1 }, type: { practice: 2 } });
    const onlyA = await client.search("follow conference", { section: ["A"], industry: [] });
    expect(calls.at(-1)).toBe('search conference {"filters":{"section":{"any":["A"]}}}');
    expect(await urls(onlyA)).toEqual(["/p1/"]);
    expect(onlyA.counts).toEqual({ section: { A: 1 }, type: { practice: 1 } });
    expect(onlyA.weak).toBe(false);
    // With filters alone, every page they select.
    expect(await urls(await client.search(null, { section: ["A"] }))).toEqual(["/p1/", "/p3/"]);
  });

  it("reports no counts from a search that ran before the filter index loaded", async () => {
    const { module } = fakePagefind();
    let release = () => {};
    const loaded = new Promise<FilterCounts>((resolve) => (release = () => resolve({ section: { A: 2 } })));
    const slowFilters: PagefindModule = { ...module, filters: () => loaded };
    const client = pagefindClient({ base: "/", version: "v1" }, async () => slowFilters);
    expect((await client.search("follow", {})).counts).toBeUndefined();
    release();
    expect(await client.loadFilters()).toEqual({ section: { A: 2 } });
    expect((await client.search("follow", {})).counts).toEqual({ section: { A: 1 } });
  });

  it("searches a query of stopwords only as typed, and a letter alone finds nothing", async () => {
    const { calls, module } = fakePagefind();
    const client = pagefindClient({ base: "/", version: "v1" }, async () => module);
    await client.search("after", {});
    await client.search("how do", {});
    expect(calls.filter((c) => /^search (how|do|after) /.test(c)).map((c) => c.split(" ")[1])).toEqual([
      "after",
      "how",
      "do",
    ]);
    expect((await client.search("a", {})).total).toBe(0);
  });

  it("says when the best match answers under half of the question", async () => {
    const { module } = fakePagefind();
    const client = pagefindClient({ base: "/", version: "v1" }, async () => module);
    const response = await client.search("conference salary negotiation", {});
    expect(await urls(response)).toEqual(["/p2/"]);
    expect(response.weak).toBe(true);
  });

  it("tries again after a failed load", async () => {
    const { module } = fakePagefind();
    let attempts = 0;
    const client = pagefindClient({ base: "/", version: "v1" }, async () => {
      if (attempts++ === 0) throw new Error("offline");
      return module;
    });
    await expect(client.load()).rejects.toThrow("offline");
    await expect(client.load()).resolves.toBeUndefined();
  });

  it("fills in what a result's metadata lacks", () => {
    expect(toResultData({ url: "/x/", meta: {} })).toEqual({
      url: "/x/",
      title: "/x/",
      type: "page",
      section: "",
      subsection: "",
      source: "",
      content: "",
      locations: [],
    });
    expect(
      toResultData({ url: "/y/", content: "A <b>", locations: [1], meta: { title: "Y", source: "Do y" } }),
    ).toMatchObject({ title: "Y", source: "Do y", content: "A <b>", locations: [1] });
  });
});
