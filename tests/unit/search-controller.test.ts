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

/** Pages of the fake index: each matches the words of its text. */
const PAGES: (ResultData & { text: string; filters: Record<string, string> })[] = practices.map((p) => ({
  url: p.url,
  title: p.title,
  type: "practice",
  section: p.sectionTitle,
  subsection: p.subsection,
  excerpt: `About <mark>${p.title}</mark> &amp; more`,
  text: p.title.toLowerCase(),
  filters: { section: p.sectionTitle, ...(p.industries.length ? { industry: "Finance" } : {}) },
}));

/** A SearchClient over PAGES whose loading the test releases by hand. */
function fakeClient() {
  let release!: () => void;
  const loaded = new Promise<void>((resolve) => (release = resolve));
  const searches: { query: string | null; filters: Filters }[] = [];
  let filtersLoaded = false;
  const count = (pages: typeof PAGES): FilterCounts => {
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
      const hits = PAGES.filter(
        (page) =>
          words.every((w) => page.text.includes(w)) &&
          Object.entries(filters).every(([name, values]) => !values?.length || values.includes(page.filters[name]!)),
      );
      return {
        total: hits.length,
        counts: counted ? count(hits) : undefined,
        results: async (a, b) => hits.slice(a, b),
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

/** Records what the controller renders. */
function recorder() {
  const calls: {
    results: { items: ResultItem[]; status: string }[];
    chips: ChipGroup[][];
    empty: (EmptyState | null)[];
    busy: boolean[];
  } = { results: [], chips: [], empty: [], busy: [] };
  const renderer: SearchRenderer = {
    busy: (busy) => calls.busy.push(busy),
    results: (items, status) => calls.results.push({ items, status }),
    chips: (groups) => calls.chips.push(groups),
    empty: (state) => calls.empty.push(state),
  };
  return { calls, renderer };
}

function setup(initial = EMPTY_STATE) {
  const client = fakeClient();
  const { calls, renderer } = recorder();
  const changes: unknown[] = [];
  const controller = new SearchController(initial, {
    client,
    practices,
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

  it("marks the query's words in instant titles and carries the query to the result's page", async () => {
    const { calls, controller } = setup();
    void controller.update({ query: "linkedin" });
    const item = calls.results[0]!.items[0]!;
    expect(item.title).toEqual([
      { text: "LinkedIn", marked: true },
      { text: " Profile", marked: false },
    ]);
    expect(item.href).toBe("/practices/linkedin/?highlight=linkedin");
    expect(item.where).toBe("Online Networking › Events");
  });

  it("keeps instant results for the same query until the full list replaces them, never shrinking to one", async () => {
    const { client, calls, controller } = setup();
    const settled = controller.update({ query: "follow" });
    client.release();
    await settled;
    expect(calls.results.map((r) => r.items.length)).toEqual([1, 1]);
    expect(calls.results.at(-1)!.status).toBe("1 result.");
    expect(calls.results.at(-1)!.items[0]!.excerpt).toEqual([
      { text: "About ", marked: false },
      { text: "Follow-up", marked: true },
      { text: " & more", marked: false },
    ]);
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

  it("counts results", () => {
    expect(resultStatus(0, 0)).toBe("No practices match.");
    expect(resultStatus(1, 1)).toBe("1 result.");
    expect(resultStatus(3, 3)).toBe("3 results.");
    expect(resultStatus(24, 1)).toBe(`24 results, showing the first ${LIMIT}.`);
  });
});
