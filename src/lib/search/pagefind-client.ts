import { planQuery } from "./query.ts";
import { rankPages, weakMatch, type WordHit } from "./rank.ts";

/** The filters search offers: a practice's section and the industries it applies to, by display title. */
export type FilterName = "section" | "industry";
/** Selected filter values, by display title, as Pagefind indexes them. */
export type Filters = Partial<Record<FilterName, string[]>>;
/** How many results each filter value would give, by filter and value title. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One result as the interface shows it. */
export interface ResultData {
  url: string;
  title: string;
  /** What kind of page: practice, section, industry or page. */
  type: string;
  section: string;
  subsection: string;
  /** A practice's one-line advice, verbatim; empty for other pages. */
  source: string;
  /** The page's indexed text, plain: its lead (title, one-liner, context for ranking), then its body. */
  content: string;
  /** The matched words, as indexes into the text's words (split at white space). */
  locations: number[];
}

export interface SearchResponse {
  total: number;
  /** The best result matches under half of what was asked (see weakMatch): other ways in are worth offering. */
  weak: boolean;
  /** Counts per filter value; undefined until the filter index has loaded (see SearchClient.loadFilters). */
  counts: FilterCounts | undefined;
  /** The results from `from` up to `to`, loaded on demand. */
  results(from: number, to: number): Promise<ResultData[]>;
}

/** Full-text search as plain data, whatever does the searching. */
export interface SearchClient {
  /** True once a search has been answered: the index is loaded and searches are fast. */
  readonly ready: boolean;
  /** Starts loading the search engine; resolves when it can take searches. */
  load(): Promise<void>;
  search(query: string | null, filters: Filters): Promise<SearchResponse>;
  /** Loads the filter index, so that searches report counts; resolves with the counts over everything. */
  loadFilters(): Promise<FilterCounts>;
}

/** One result of Pagefind's search, before its data is loaded. */
interface PagefindResult {
  /** The page's index entry: the same page across searches. */
  id: string;
  score: number;
  /** Positions of the matched words in the page's text. */
  words: number[];
  data: () => Promise<PagefindResultData>;
}

interface PagefindResultData {
  url: string;
  /** The indexed text, plain (its `raw_content` is the same with `<` and `>` escaped for HTML). */
  content?: string;
  locations?: number[];
  meta: Record<string, string | undefined>;
}
/** The part of Pagefind's JS API (pagefind.js, 1.x) used here. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    query: string | null,
    options?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{ results: PagefindResult[]; filters: FilterCounts }>;
  filters(): Promise<FilterCounts>;
}

/** Pagefind's result data as the interface needs it. */
export function toResultData({ url, content, locations, meta }: PagefindResultData): ResultData {
  return {
    url,
    title: meta["title"] ?? url,
    type: meta["type"] ?? "page",
    section: meta["section"] ?? "",
    subsection: meta["subsection"] ?? "",
    source: meta["source"] ?? "",
    content: content ?? "",
    locations: locations ?? [],
  };
}

/**
 * A SearchClient over the Pagefind index published at `<base>pagefind/`.
 * `version` is the build's (src/lib/build/version.ts): Pagefind asks for its
 * entry file with it (`metaCacheTag`), so a cached index, in the browser's
 * cache or the offline worker's, only ever answers for the build it came with.
 * `importModule` is there for tests; the browser's own `import()` otherwise.
 */
export function pagefindClient(
  { base, version }: { base: string; version: string },
  importModule: (url: string) => Promise<PagefindModule> = (url) => import(/* @vite-ignore */ url),
): SearchClient {
  let loading: Promise<PagefindModule> | undefined;
  /** Which filter values each page has, by page id: counts for merged results are tallied from it. */
  let membership: Promise<Map<string, [name: string, value: string][]>> | undefined;
  let counted: Map<string, [string, string][]> | undefined;
  const client = {
    ready: false,
    load: () => get().then(() => undefined),
    async search(query: string | null, filters: Filters): Promise<SearchResponse> {
      const pagefind = await get();
      // Counts are complete only if the filter index had loaded before this search ran.
      const byPage = counted;
      const selected: Record<string, { any: string[] }> = {};
      for (const [name, values] of Object.entries(filters)) if (values?.length) selected[name] = { any: values };
      const plan = planQuery(query ?? "");
      if (!plan.words.length && query?.trim()) return respond([], byPage && {}, false);
      if (!plan.words.length) {
        // Filters alone: every page they select, in Pagefind's order.
        const response = await pagefind.search(null, { filters: selected });
        client.ready = true;
        const all = response.results.map((r) => ({ handle: r, locations: r.words }));
        return respond(all, byPage ? response.filters : undefined, false);
      }
      // Each word on its own, so a page need not hold every word of a question to be found, then ranked together.
      const found = await Promise.all(plan.words.map((word) => pagefind.search(word, { filters: selected })));
      client.ready = true;
      const hits = new Map<string, Map<string, WordHit>>();
      const handles = new Map<string, PagefindResult>();
      found.forEach(({ results }, i) => {
        hits.set(plan.words[i]!, new Map(results.map((r) => [r.id, { score: r.score, locations: r.words }])));
        for (const r of results) if (!handles.has(r.id)) handles.set(r.id, r);
      });
      const ranked = rankPages(plan, hits);
      const list = ranked.map((page) => ({ handle: handles.get(page.id)!, locations: page.locations }));
      return respond(
        list,
        byPage &&
          tally(
            ranked.map((p) => p.id),
            byPage,
          ),
        weakMatch(plan, ranked),
      );
    },
    async loadFilters(): Promise<FilterCounts> {
      const pagefind = await get();
      const counts = await pagefind.filters();
      counted = await (membership ??= pageFilters(pagefind, counts));
      return counts;
    },
  };
  function respond(
    list: { handle: PagefindResult; locations: number[] }[],
    counts: FilterCounts | undefined,
    weak: boolean,
  ): SearchResponse {
    return {
      total: list.length,
      weak,
      counts,
      results: (from, to) =>
        Promise.all(
          list.slice(from, to).map(async ({ handle, locations }) => ({
            ...toResultData(await handle.data()),
            locations,
          })),
        ),
    };
  }
  function get(): Promise<PagefindModule> {
    loading ??= importModule(`${base}pagefind/pagefind.js`).then(async (pagefind) => {
      // In the page's own thread: for an index this size a worker costs a
      // 12 KiB script and a start-up longer than the searches it would take over.
      await pagefind.options({ baseUrl: base, noWorker: true, metaCacheTag: version });
      // Starts fetching the index metadata and WebAssembly; the first search waits for them.
      await pagefind.init();
      // Every search reads the filter index (for its counts): fetch it now, beside the
      // first search's own index chunks, rather than after them.
      void client.loadFilters().catch(() => (membership = undefined));
      return pagefind;
    });
    loading.catch(() => (loading = undefined));
    return loading;
  }
  return client;
}

/**
 * Each page's filter values, from one filter-only search per value: with
 * results merged from several searches, counts are tallied here rather than
 * taken from one Pagefind response.
 */
async function pageFilters(pagefind: PagefindModule, counts: FilterCounts): Promise<Map<string, [string, string][]>> {
  const byPage = new Map<string, [string, string][]>();
  for (const [name, values] of Object.entries(counts)) {
    for (const value of Object.keys(values)) {
      const { results } = await pagefind.search(null, { filters: { [name]: { any: [value] } } });
      for (const { id } of results) byPage.set(id, [...(byPage.get(id) ?? []), [name, value]]);
    }
  }
  return byPage;
}

/** How many of the pages have each filter value. */
export function tally(ids: readonly string[], byPage: ReadonlyMap<string, readonly [string, string][]>): FilterCounts {
  const counts: FilterCounts = {};
  for (const id of ids)
    for (const [name, value] of byPage.get(id) ?? []) {
      const values = (counts[name] ??= {});
      values[value] = (values[value] ?? 0) + 1;
    }
  return counts;
}
