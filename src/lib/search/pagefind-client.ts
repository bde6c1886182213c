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
  ): Promise<{
    results: { data: () => Promise<PagefindResultData> }[];
    filters: FilterCounts;
  }>;
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
  let filtersLoaded = false;
  const client = {
    ready: false,
    load: () => get().then(() => undefined),
    async search(query: string | null, filters: Filters): Promise<SearchResponse> {
      const pagefind = await get();
      // Counts are complete only if the filter index had loaded before this search ran.
      const counted = filtersLoaded;
      const selected: Record<string, { any: string[] }> = {};
      for (const [name, values] of Object.entries(filters)) if (values?.length) selected[name] = { any: values };
      const response = await pagefind.search(query, { filters: selected });
      client.ready = true;
      return {
        total: response.results.length,
        counts: counted ? response.filters : undefined,
        results: (from, to) =>
          Promise.all(response.results.slice(from, to).map(async (r) => toResultData(await r.data()))),
      };
    },
    async loadFilters(): Promise<FilterCounts> {
      const counts = await (await get()).filters();
      filtersLoaded = true;
      return counts;
    },
  };
  function get(): Promise<PagefindModule> {
    loading ??= importModule(`${base}pagefind/pagefind.js`).then(async (pagefind) => {
      // In the page's own thread: for an index this size a worker costs a
      // 12 KiB script and a start-up longer than the searches it would take over.
      await pagefind.options({ baseUrl: base, noWorker: true, metaCacheTag: version });
      // Starts fetching the index metadata and WebAssembly; the first search waits for them.
      await pagefind.init();
      // Every search reads the filter index (for its counts): fetch it now, beside the
      // first search's own index chunks, rather than after them.
      pagefind.filters().then(
        () => (filtersLoaded = true),
        () => {},
      );
      return pagefind;
    });
    loading.catch(() => (loading = undefined));
    return loading;
  }
  return client;
}
