import { describe, expect, it } from "vitest";
import {
  LIMIT,
  resultHref,
  resultStatus,
  SearchController,
  whereOf,
  type ChipGroup,
  type EmptyState,
  type ResultItem,
  type SearchRenderer,
} from "../../src/lib/search/controller.ts";
import type { FilterCounts, Filters, ResultData, SearchClient } from "../../src/lib/search/pagefind-client.ts";
import type { ListedPractice } from "../../src/lib/search/practice-list.ts";
import { EMPTY_STATE } from "../../src/lib/search/state.ts";

const sections = [
  { id: "offline", title: "Offline Networking" },
  { id: "online", title: "Online Networking" },
];
const industries = [{ id: "finance", title: "Finance" }];
const practice = (id: string, title: string, section: string, industries: string[] = []): ListedPractice => ({
  id,
  title,
  url: `/practices/${id}/`,
  section,
  sectionTitle: sections.find((s) => s.id === section)!.title,
  subsection: "Events",
  industries,
});
const practices = [
  practice("elevator-pitch", "Elevator Pitch", "offline", ["finance"]),
  practice("follow-up", "Follow-up", "offline"),
  practice("linkedin", "LinkedIn Profile", "online"),
];

/** Pages of the fake index: each matches the words of its title, found in its body too. */
type Page = ResultData & { text: string; filters: Record<string, string> };
const pagesOf = (list: ListedPractice[]): Page[] =>
  list.map((p) => ({
    url: p.url,
    title: p.title,
    type: "practice",
    section: p.sectionTitle,
    subsection: p.subsection,
    source: `Do ${p.title}`,
    // As Pagefind indexes a practice: title, one-liner, then subsection and section for ranking, then the body.
    content: `${p.title}. Do ${p.title}. ${p.subsection}. ${p.sectionTitle}. About ${p.title} & more.`,
    locations: [],
    text: p.title.toLowerCase(),
    filters: { type: "practice", section: p.sectionTitle, ...(p.industries.length ? { industry: "Finance" } : {}) },
  }));

/**
 * A SearchClient over the practices' pages whose loading the test releases
 * by hand; `rank` may reorder what a query finds.
 */
function fakeClient(list = practices, rank = (hits: Page[], _query: string) => hits) {
  const PAGES = pagesOf(list);
  let release!: () => void;
  const loaded = new Promise<void>((resolve) => (release = resolve));
  const searches: { query: string | null; filters: Filters }[] = [];
  let filtersLoaded = false;
  const count = (pages: Page[]): FilterCounts => {
    const counts: FilterCounts = {};
    for (const page of pages)
      for (const [name, value] of Object.entries(page.filters))
        (counts[name] ??= {})[value] = (counts[name]![value] ?? 0) + 1;
    return counts;
  };
  const client: Omit<SearchClient, "ready"> & { ready: boolean; release: () => void; searches: typeof searches } = {
    ready: false,
    release,
    searches,
    load: () => loaded,
    async search(query, filters) {
      const counted = filtersLoaded;
      await loaded;
      searches.push({ query, filters });
      client.ready = true;
      const words = (query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
      const found = PAGES.filter(
        (page) =>
          words.every((w) => page.text.includes(w)) &&
          Object.entries(filters).every(([name, values]) => !values?.length || values.includes(page.filters[name]!)),
      );
      const hits = rank(found, query ?? "");
      return {
        total: hits.length,
        weak: false,
        counts: counted ? count(hits) : undefined,
        results: async (a, b) =>
          hits.slice(a, b).map((hit) => ({
            ...hit,
            // Where the query's words are, as word indexes into the text, as Pagefind gives them.
            locations: hit.content
              .split(/\s+/)
              .flatMap((word, i) => (words.some((w) => word.toLowerCase().includes(w)) ? [i] : [])),
          })),
      };
    },
    async loadFilters() {
      await loaded;
      filtersLoaded = true;
      return count(PAGES);
    },
  };
  return client;
}

/** Records what the controller renders; `held` plays the results the reader points at or has focused. */
function recorder() {
  const calls: {
    results: { items: ResultItem[]; status: string | undefined; more: number | undefined }[];
    chips: ChipGroup[][];
    empty: (EmptyState | null)[];
    busy: boolean[];
    held: string[];
  } = { results: [], chips: [], empty: [], busy: [], held: [] };
  const renderer: SearchRenderer = {
    busy: (busy) => calls.busy.push(busy),
    results: (items, status, more) => calls.results.push({ items, status, more }),
    chips: (groups) => calls.chips.push(groups),
    empty: (state) => calls.empty.push(state),
    held: () => calls.held,
  };
  return { calls, renderer };
}

function setup(initial = EMPTY_STATE, client = fakeClient(), list = practices) {
  const { calls, renderer } = recorder();
  const changes: unknown[] = [];
  const controller = new SearchController(initial, {
    client,
    practices: list,
    sections,
    industries,
    renderer,
    highlightParam: "highlight",
    onChange: (state) => changes.push(state),
  });
  return { client, calls, controller, changes };
}

const titles = (items: ResultItem[]) => items.map((i) => i.title.map((p) => p.text).join(""));

describe("the search controller", () => {
  it("shows instant title matches, typos forgiven, while the index loads, then the full-text results", async () => {
    const { client, calls, controller } = setup();
    const settled = controller.update({ query: "elevater" });
    expect(calls.busy).toEqual([true]);
    expect(calls.results).toHaveLength(1);
    expect(calls.results[0]!.status).toBe("Searching the full text…");
    expect(titles(calls.results[0]!.items)).toEqual(["Elevator Pitch"]);
    client.release();
    await settled;
    // The full-text index found nothing for the typo; the closest titles are suggested instead.
    expect(calls.results.at(-1)!.status).toBe("No practices match.");
    expect(calls.empty.at(-1)).toMatchObject({ kind: "suggestions", close: [{ title: "Elevator Pitch" }] });
    expect(calls.busy.at(-1)).toBe(false);
  });

  it("shows instant titles as partial results and carries the query to the result's page", async () => {
    const { calls, controller } = setup();
    void controller.update({ query: "linkedin" });
    const item = calls.results[0]!.items[0]!;
    expect(item).toMatchObject({
      key: "/practices/linkedin/",
      title: [{ text: "LinkedIn Profile", marked: false }],
      href: "/practices/linkedin/?highlight=linkedin",
      where: "Online Networking › Events",
      partial: true,
    });
  });

  it("keeps instant results for the same query until the full list replaces them, never shrinking to one", async () => {
    const { client, calls, controller } = setup();
    const settled = controller.update({ query: "follow" });
    client.release();
    await settled;
    // Instant, then the full-text top in place of the instant one, then the full list.
    expect(calls.results.map((r) => r.items.length)).toEqual([1, 1, 1]);
    expect(calls.results.map((r) => r.items[0]!.partial)).toEqual([true, false, false]);
    expect(calls.results.at(-1)!.status).toBe("1 practice.");
    // The title, the verbatim one-liner and the body's words: never the lead or the context indexed for ranking.
    expect(calls.results.at(-1)!.items[0]).toMatchObject({
      title: [{ text: "Follow-up", marked: false }],
      source: "Do Follow-up",
      partial: false,
      excerpt: [
        { text: "About ", marked: false },
        { text: "Follow-up", marked: true },
        { text: " & more.", marked: false },
      ],
    });
  });

  it("keeps the last results on screen while the next query runs: the list never blanks between keystrokes", async () => {
    const many = Array.from({ length: 12 }, (_, i) => practice(`p${i}`, `Pitch ${i}`, "offline"));
    const client = fakeClient(many, (hits, query) => (query === "pitc" ? [...hits].reverse() : hits));
    const { calls, controller } = setup(EMPTY_STATE, client, many);
    client.release();
    await controller.update({ query: "pitch" });
    const before = calls.results.length;
    await controller.update({ query: "pitc" });
    const steps = calls.results.slice(before);
    // The new top first, in place of the old top, the rest of the old list staying; then the new list.
    const pitches = (...ns: number[]) => ns.map((n) => `Pitch ${n}`);
    expect(steps.map((r) => titles(r.items))).toEqual([
      pitches(11, 10, 9, 0, 1, 2, 3, 4, 5, 6),
      pitches(11, 10, 9, 8, 7, 6, 5, 4, 3, 2),
    ]);
    // The step in between says nothing new: the status changes once, with the whole answer.
    expect(steps.map((r) => r.status)).toEqual([undefined, "12 practices, showing 10."]);
  });

  it("keeps the result the reader points at or has focused in its place when the list changes", async () => {
    const many = Array.from({ length: 4 }, (_, i) => practice(`p${i}`, `Pitch ${i}`, "offline"));
    // "pitc" ranks the same pages in reverse.
    const client = fakeClient(many, (hits, query) => (query === "pitc" ? [...hits].reverse() : hits));
    const { calls, controller } = setup(EMPTY_STATE, client, many);
    client.release();
    await controller.update({ query: "pitch" });
    expect(titles(calls.results.at(-1)!.items)).toEqual(["Pitch 0", "Pitch 1", "Pitch 2", "Pitch 3"]);
    // The reader points at the third, "Pitch 2": it stays third, and the others follow the new ranking around it.
    calls.held.push("/practices/p2/");
    await controller.update({ query: "pitc" });
    expect(titles(calls.results.at(-1)!.items)).toEqual(["Pitch 3", "Pitch 1", "Pitch 2", "Pitch 0"]);
    calls.held.length = 0;
    await controller.update({ query: "pitch " });
    expect(titles(calls.results.at(-1)!.items)).toEqual(["Pitch 0", "Pitch 1", "Pitch 2", "Pitch 3"]);
  });

  it("shows every result, ten more at a time, saying how many there are", async () => {
    const many = Array.from({ length: 23 }, (_, i) => practice(`p${i}`, `Pitch ${i}`, "offline"));
    const client = fakeClient(many);
    const { calls, controller } = setup(EMPTY_STATE, client, many);
    client.release();
    await controller.update({ query: "pitch" });
    expect(calls.results.at(-1)).toMatchObject({ status: "23 practices, showing 10.", more: 13 });
    expect(await controller.more()).toBe(LIMIT);
    expect(calls.results.at(-1)).toMatchObject({ status: "23 practices, showing 20.", more: 3 });
    expect(titles(calls.results.at(-1)!.items).slice(0, 12)).toEqual(
      Array.from({ length: 12 }, (_, i) => `Pitch ${i}`),
    );
    expect(await controller.more()).toBe(2 * LIMIT);
    expect(calls.results.at(-1)).toMatchObject({ status: "23 practices.", more: 0 });
    expect(calls.results.at(-1)!.items).toHaveLength(23);
    expect(await controller.more()).toBe(-1);
    // A new query starts again from the first ten.
    await controller.update({ query: "pitch 1" });
    expect(calls.results.at(-1)).toMatchObject({ status: "12 practices, showing 10.", more: 2 });
  });

  it("folds changes that arrive during a search into one next run, answering only the latest", async () => {
    const { client, calls, controller } = setup();
    void controller.update({ query: "e" });
    void controller.update({ query: "el" });
    const settled = controller.update({ query: "elevator" });
    client.release();
    await settled;
    expect(client.searches.map((s) => s.query)).not.toContain("e");
    expect(client.searches.map((s) => s.query)).not.toContain("el");
    expect(titles(calls.results.at(-1)!.items)).toEqual(["Elevator Pitch"]);
    expect(calls.busy.filter((b) => !b)).toHaveLength(1);
  });

  it("offers chips with counts that ignore their own group's selection, and toggles them", async () => {
    const { client, calls, controller, changes } = setup();
    client.release();
    await controller.update({ query: "" });
    // Nothing asked yet: every chip with its count over everything, no results.
    expect(calls.chips.at(-1)!.map((g) => g.chips.map((c) => `${c.title} ${c.count}`))).toEqual([
      ["Offline Networking 2", "Online Networking 1"],
      ["Finance 1"],
    ]);
    await controller.toggleChip("sections", "offline");
    expect(changes.at(-1)).toEqual({ query: "", sections: ["offline"], industries: [] });
    expect(titles(calls.results.at(-1)!.items)).toEqual(["Elevator Pitch", "Follow-up"]);
    const [section] = calls.chips.at(-1)!;
    // The other section still shows what choosing it too would add.
    expect(section!.chips.map((c) => [c.title, c.count, c.pressed])).toEqual([
      ["Offline Networking", 2, true],
      ["Online Networking", 1, false],
    ]);
    await controller.toggleChip("sections", "offline");
    expect(changes.at(-1)).toEqual({ query: "", sections: [], industries: [] });
  });

  it("loads the filter index after the first search, not before it", async () => {
    const { client, calls, controller } = setup({ ...EMPTY_STATE, query: "pitch" });
    const settled = controller.run();
    client.release();
    await settled;
    expect(client.searches[0]).toEqual({ query: "pitch", filters: { section: [], industry: [] } });
    expect(calls.chips.at(-1)![0]!.chips).toEqual([
      { id: "offline", title: "Offline Networking", count: 1, pressed: false },
    ]);
  });

  it("says so, and leaves the A–Z list, when search cannot load", async () => {
    const { calls } = recorder();
    const failing = new SearchController(
      { ...EMPTY_STATE, query: "x" },
      {
        ...{ practices, sections, industries, highlightParam: "h" },
        client: {
          ready: false,
          load: () => Promise.reject(new Error("offline")),
          search: () => Promise.reject(new Error()),
          loadFilters: () => Promise.reject(new Error()),
        },
        renderer: { busy: () => {}, results: () => {}, chips: () => {}, empty: (s) => calls.empty.push(s) },
      },
    );
    await failing.run();
    expect(calls.empty).toEqual([{ kind: "failed", message: "Search could not load." }]);
  });
});

describe("result details", () => {
  it("says where a result sits", () => {
    expect(whereOf({ type: "practice", section: "Online", subsection: "Profiles" })).toBe("Online › Profiles");
    expect(whereOf({ type: "section", section: "", subsection: "" })).toBe("Section");
    expect(whereOf({ type: "industry", section: "", subsection: "" })).toBe("Industry");
    expect(whereOf({ type: "page", section: "", subsection: "" })).toBe("Page");
  });

  it("adds the query to a result's link, keeping its anchor and base path", () => {
    expect(resultHref("/handbook/sections/a/#b", " follow up ", "highlight")).toBe(
      "/handbook/sections/a/?highlight=follow+up#b",
    );
    expect(resultHref("/practices/a/", "", "highlight")).toBe("/practices/a/");
  });

  it("counts results, by kind of page when the counts are known", () => {
    expect(resultStatus(0, 0)).toBe("No practices match.");
    expect(resultStatus(1, 1)).toBe("1 result.");
    expect(resultStatus(24, 1)).toBe("24 results, showing 1.");
    expect(resultStatus(41, 10, { practice: 41 })).toBe("41 practices, showing 10.");
    expect(resultStatus(1, 1, { practice: 1 })).toBe("1 practice.");
    expect(resultStatus(45, 45, { practice: 41, section: 2, industry: 1 })).toBe(
      "41 practices, 2 sections, 1 industry page and 1 other page.",
    );
    expect(resultStatus(3, 3, { section: 1, industry: 2 })).toBe("1 section and 2 industry pages.");
  });
});
