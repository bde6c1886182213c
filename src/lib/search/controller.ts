import { arrange } from "./arrange.ts";
import type { FilterCounts, FilterName, ResultData, SearchClient, SearchResponse } from "./pagefind-client.ts";
import type { ListedPractice } from "./practice-list.ts";
import {
  resultHref,
  resultItem,
  resultStatus,
  topic,
  type ChipGroup,
  type EmptyState,
  type ResultItem,
  type SearchRenderer,
} from "./result-items.ts";
import { toggle, type SearchState } from "./state.ts";
import { suggest } from "./suggest.ts";

export {
  resultHref,
  resultStatus,
  whereOf,
  type Chip,
  type ChipGroup,
  type EmptyState,
  type ResultItem,
  type SearchRenderer,
} from "./result-items.ts";

/** Results shown at once, and added by each "Show more": enough to scan, few enough to load instantly. */
export const LIMIT = 10;
/** Results that replace the top of a list already on screen before the rest have loaded: about what a screen shows. */
const HEAD = 3;

export interface ControllerOptions {
  client: SearchClient;
  practices: readonly ListedPractice[];
  sections: readonly { id: string; title: string }[];
  industries: readonly { id: string; title: string }[];
  renderer: SearchRenderer;
  /** Query parameter that carries the search terms to the page a result opens, to be highlighted there. */
  highlightParam: string;
  /** Called with every change the reader makes, e.g. to keep a URL in step. */
  onChange?: (state: SearchState) => void;
  /** Resolves once the page has had a chance to paint, so instant results show before the index starts up. */
  yieldToPaint?: () => Promise<void>;
}

/**
 * The state of one search interface, the query and the filters, and the
 * runs that answer it. While Pagefind's index is still loading, practices
 * whose title matches (typos forgiven) are shown at once; the full-text
 * results replace them when it answers. At most one search runs at a time:
 * changes that arrive meanwhile are folded into the next run, so the latest
 * query never queues behind stale ones, and nothing waits on a timer.
 */
export class SearchController {
  private current: SearchState;
  private running = false;
  private pending = false;
  /** The results on screen, in the order shown. */
  private shown: ResultItem[] = [];
  /** The search behind the full-text results on screen, for "Show more". */
  private last: { state: SearchState; search: SearchResponse; types: Record<string, number> | undefined } | undefined;
  /** Settles when the current run and any folded into it are done (for tests and callers that wait). */
  settled: Promise<void> = Promise.resolve();

  constructor(
    initial: SearchState,
    private readonly options: ControllerOptions,
  ) {
    this.current = initial;
  }

  get state(): SearchState {
    return this.current;
  }

  /** Replaces the state without telling onChange (it came from outside: the URL, an opening query). */
  set(state: SearchState): Promise<void> {
    this.current = state;
    return this.run();
  }

  /** A change the reader made. */
  update(change: Partial<SearchState>): Promise<void> {
    this.current = { ...this.current, ...change };
    this.options.onChange?.(this.current);
    return this.run();
  }

  toggleChip(group: ChipGroup["key"], id: string): Promise<void> {
    return this.update({ [group]: toggle(this.current[group], id) });
  }

  run(): Promise<void> {
    const { renderer, client } = this.options;
    renderer.busy(true);
    if (!client.ready) this.showInstant();
    if (this.running) {
      this.pending = true;
      return this.settled;
    }
    this.running = true;
    this.settled = (async () => {
      try {
        do {
          this.pending = false;
          await this.runOnce();
        } while (this.pending);
      } finally {
        this.running = false;
        renderer.busy(false);
      }
    })();
    return this.settled;
  }

  private async runOnce(): Promise<void> {
    const { client, renderer, sections, industries } = this.options;
    const state = this.current;
    const stale = () => this.current !== state;
    try {
      if (!client.ready) await this.options.yieldToPaint?.();
      await client.load();
    } catch {
      this.show([], "", 0);
      renderer.empty({ kind: "failed", message: "Search could not load." });
      return;
    }
    if (stale()) return;
    const titles = (list: readonly { id: string; title: string }[], ids: string[]) =>
      ids.map((id) => list.find((x) => x.id === id)?.title).filter((t): t is string => Boolean(t));
    const selected: Record<FilterName, string[]> = {
      section: titles(sections, state.sections),
      industry: titles(industries, state.industries),
    };
    const filtersFor = (skip?: FilterName) => ({
      section: skip === "section" ? [] : selected.section,
      industry: skip === "industry" ? [] : selected.industry,
    });
    const query = state.query.trim() || null;
    if (!query && !selected.section.length && !selected.industry.length) {
      const counts = await client.loadFilters();
      if (stale()) return;
      renderer.chips(this.chipGroups(counts));
      this.last = undefined;
      this.show([], "", 0);
      renderer.empty(null);
      return;
    }
    const search = await client.search(query, filtersFor());
    if (stale()) return;
    // The top results are shown as soon as they are loaded, and the rest
    // follow: on an empty list the first alone; over results already on
    // screen (instant ones, or the last query's) the top few take their
    // places and the others stay until the full list replaces them, so the
    // list answers at once yet never blanks between keystrokes, nor shrinks
    // and grows back.
    const shown = this.shown;
    // Every result of the list starts loading now, the top first (Pagefind loads each once, in order).
    const loading = search.results(0, LIMIT);
    loading.catch(() => {});
    const head = (await search.results(0, shown.length ? HEAD : 1)).map((r) => this.item(r, state.query));
    if (stale()) return;
    if (!shown.length) this.show(head, resultStatus(search.total, head.length), 0);
    else {
      const rest = shown.filter((old) => !head.some((item) => item.key === old.key));
      this.show([...head, ...rest.slice(0, Math.max(0, Math.min(shown.length, search.total) - head.length))]);
    }
    // The filter index loads after the first search, which therefore does not wait for it.
    let counts = search.counts;
    if (!counts) {
      await client.loadFilters();
      counts = (await client.search(query, filtersFor())).counts ?? {};
    }
    // Counts for a group ignore that group's own selection, so chips in one group combine with "any of".
    counts = { ...counts };
    for (const filter of ["section", "industry"] as const) {
      if (selected[filter].length)
        counts[filter] = (await client.search(query, filtersFor(filter))).counts?.[filter] ?? {};
    }
    const top = await loading;
    if (stale()) return;
    renderer.chips(this.chipGroups(counts));
    const types = counts["type"];
    this.last = { state, search, types };
    this.show(
      top.map((r) => this.item(r, state.query)),
      resultStatus(search.total, top.length, types),
      search.total - top.length,
    );
    // No dead ends: nothing found, or nothing that answers most of the question, offers close titles and the sections.
    renderer.empty(search.total === 0 || search.weak ? this.suggestions(state.query, search.total > 0) : null);
  }

  /**
   * Adds the next results to the list, the ones shown staying where they
   * are. Resolves with the index of the first one added, or -1 when there
   * was nothing to add (or the search changed meanwhile).
   */
  async more(): Promise<number> {
    const last = this.last;
    if (!last || last.state !== this.current || this.running) return -1;
    const from = this.shown.length;
    const next = await last.search.results(from, from + LIMIT);
    if (this.last !== last || last.state !== this.current || !next.length) return -1;
    const items = [...this.shown, ...next.map((r) => this.item(r, last.state.query))];
    this.show(items, resultStatus(last.search.total, items.length, last.types), last.search.total - items.length);
    return from;
  }

  /** Renders a list, keeping each result the reader points at or has focused at its place (see arrange). */
  private show(items: ResultItem[], status?: string, more?: number): void {
    const held = new Set(this.options.renderer.held?.() ?? []);
    const pinned = new Map(this.shown.flatMap((item, index) => (held.has(item.key) ? [[item.key, index]] : [])));
    this.shown = arrange(items, (item) => item.key, pinned);
    this.options.renderer.results(this.shown, status, more);
  }

  private item(result: ResultData, query: string): ResultItem {
    return resultItem(result, query, this.options.highlightParam);
  }

  /** Before the full-text index is ready: practices whose title or subsection match, typos forgiven. */
  private showInstant(): void {
    const state = this.current;
    if (!state.query.trim()) return;
    const matches = (p: ListedPractice) =>
      (!state.sections.length || state.sections.includes(p.section)) &&
      (!state.industries.length || p.industries.some((i) => state.industries.includes(i)));
    const found = suggest(topic(state.query), this.entries().filter(matches), LIMIT);
    if (found.length === 0) return;
    this.show(
      found.map((p) => ({
        key: p.url,
        title: [{ text: p.title, marked: false }],
        where: `${p.sectionTitle} › ${p.subsection}`,
        href: resultHref(p.url, state.query, this.options.highlightParam),
        source: "",
        excerpt: [],
        partial: true,
      })),
      "Searching the full text…",
      0,
    );
  }

  private suggestions(query: string, found: boolean): EmptyState {
    const close = suggest(topic(query), this.entries()).map(({ title, url }) => ({ title, url }));
    return {
      kind: "suggestions",
      close,
      lead: found
        ? "None of these answers all of it. Or browse a section:"
        : close.length
          ? "Or browse a section:"
          : "Try other words, or browse a section:",
    };
  }

  private cachedEntries: (ListedPractice & { context: string })[] | undefined;
  /** Practices with the words that describe them besides their title, for typo-tolerant matching. */
  private entries() {
    return (this.cachedEntries ??= this.options.practices.map((p) => ({
      ...p,
      context: `${p.subsection} ${p.sectionTitle}`,
    })));
  }

  private chipGroups(counts: FilterCounts): ChipGroup[] {
    const groups = [
      { key: "sections" as const, filter: "section" as const, label: "Section", items: this.options.sections },
      { key: "industries" as const, filter: "industry" as const, label: "Industry", items: this.options.industries },
    ];
    return groups.map(({ key, filter, label, items }) => ({
      key,
      filter,
      label,
      chips: items
        .map((item) => ({
          id: item.id,
          title: item.title,
          count: counts[filter]?.[item.title] ?? 0,
          pressed: this.current[key].includes(item.id),
        }))
        .filter((chip) => chip.count > 0 || chip.pressed),
    }));
  }
}
