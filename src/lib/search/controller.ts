import { excerptParts, markRanges, type ExcerptPart } from "./excerpt.ts";
import { highlightTerms, matchRanges } from "./highlight.ts";
import type { FilterCounts, FilterName, ResultData, SearchClient } from "./pagefind-client.ts";
import type { ListedPractice } from "./practice-list.ts";
import { toggle, type SearchState } from "./state.ts";
import { suggest } from "./suggest.ts";

/** Results shown at once: enough to scan, few enough to load instantly. */
export const LIMIT = 10;

export interface ResultItem {
  title: ExcerptPart[];
  /** Where the result sits: "Section › Subsection" for a practice, else the kind of page. */
  where: string;
  href: string;
  excerpt: ExcerptPart[];
}

export interface Chip {
  id: string;
  title: string;
  count: number;
  pressed: boolean;
}

export interface ChipGroup {
  key: "sections" | "industries";
  filter: FilterName;
  label: string;
  chips: Chip[];
}

/** What shows below the results when there are none: close titles to try, or that search failed to load. */
export type EmptyState =
  { kind: "suggestions"; close: { title: string; url: string }[]; lead: string } | { kind: "failed"; message: string };

/** Where the controller's output goes: the DOM in the browser, a recording in tests. */
export interface SearchRenderer {
  /** Results are still being refined (instant, first, all) while busy. */
  busy(busy: boolean): void;
  results(items: ResultItem[], status: string): void;
  chips(groups: ChipGroup[]): void;
  empty(state: EmptyState | null): void;
}

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

/** "Section › Subsection" for a practice, else what kind of page a result is. */
export function whereOf(result: Pick<ResultData, "type" | "section" | "subsection">): string {
  if (result.type === "practice") return `${result.section} › ${result.subsection}`;
  return { section: "Section", industry: "Industry" }[result.type] ?? "Page";
}

/** A result's link, carrying the query for the page it opens to highlight. Paths stay site-relative. */
export function resultHref(url: string, query: string, param: string): string {
  const parsed = new URL(url, "http://site");
  if (query.trim()) parsed.searchParams.set(param, query.trim());
  return parsed.pathname + parsed.search + parsed.hash;
}

/** "3 results.", or "24 results, showing the first 10." */
export function resultStatus(total: number, shown: number): string {
  if (total === 0) return "No practices match.";
  const more = total > shown ? `, showing the first ${Math.min(total, LIMIT)}` : "";
  return `${total} result${total === 1 ? "" : "s"}${more}.`;
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
  /** The search the instant results on screen answer, if any. */
  private instantFor: SearchState | undefined;
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
      renderer.results([], "");
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
      renderer.results([], "");
      renderer.empty(null);
      return;
    }
    const search = await client.search(query, filtersFor());
    if (stale()) return;
    // The first result is shown as soon as it is loaded and the rest follow,
    // except over instant results for this same query: those stay until the
    // full list replaces them, so the list never shrinks to one and grows back.
    if (this.instantFor !== state) {
      const first = await search.results(0, 1);
      if (stale()) return;
      renderer.results(
        first.map((r) => this.item(r, state.query)),
        resultStatus(search.total, first.length),
      );
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
    const top = await search.results(0, LIMIT);
    if (stale()) return;
    renderer.chips(this.chipGroups(counts));
    renderer.results(
      top.map((r) => this.item(r, state.query)),
      resultStatus(search.total, top.length),
    );
    renderer.empty(search.total === 0 ? this.suggestions(state.query) : null);
  }

  private item(result: ResultData, query: string): ResultItem {
    return {
      title: [{ text: result.title, marked: false }],
      where: whereOf(result),
      href: resultHref(result.url, query, this.options.highlightParam),
      excerpt: excerptParts(result.excerpt),
    };
  }

  /** Before the full-text index is ready: practices whose title or subsection match, typos forgiven, their matched words marked. */
  private showInstant(): void {
    const state = this.current;
    if (!state.query.trim()) return;
    const matches = (p: ListedPractice) =>
      (!state.sections.length || state.sections.includes(p.section)) &&
      (!state.industries.length || p.industries.some((i) => state.industries.includes(i)));
    const found = suggest(state.query, this.entries().filter(matches), LIMIT);
    if (found.length === 0) return;
    this.instantFor = state;
    const terms = highlightTerms(state.query);
    this.options.renderer.results(
      found.map((p) => ({
        title: markRanges(p.title, matchRanges(p.title, terms)),
        where: `${p.sectionTitle} › ${p.subsection}`,
        href: resultHref(p.url, state.query, this.options.highlightParam),
        excerpt: [],
      })),
      "Searching the full text…",
    );
  }

  private suggestions(query: string): EmptyState {
    const close = suggest(query, this.entries()).map(({ title, url }) => ({ title, url }));
    return {
      kind: "suggestions",
      close,
      lead: close.length ? "Or browse a section:" : "Try other words, or browse a section:",
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
