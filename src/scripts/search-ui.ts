/**
 * The handbook's search: a dialog on every page and the shareable /search/
 * page, both built on Pagefind's JS API. This module is loaded only once a
 * reader shows intent (focus or click on the search field, `/`, Ctrl/Cmd+K) or
 * opens /search/; reading pages never download it or the index.
 *
 * It imports nothing the reading pages also use, so their own small scripts
 * stay inline (no request); the name of the highlight parameter therefore
 * comes in as an option, from the page that renders it.
 */
import { parseSearchState, serializeSearchState, toggle, type SearchState } from "../lib/search/state.ts";
import { suggest, type SuggestEntry } from "../lib/search/suggest.ts";
import { highlightTerms, matchRanges } from "../lib/search/highlight.ts";
import type { SearchData, SearchPractice } from "../data/search-data.ts";
import searchData from "virtual:search-data";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const BASE = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
/** Results shown at once: enough to scan, few enough to load instantly. */
const LIMIT = 10;

let pagefindLoad: Promise<Pagefind> | undefined;
let pagefindReady: Pagefind | undefined;

/** Pagefind's full-text index, loaded once. */
function loadPagefind(): Promise<Pagefind> {
  pagefindLoad ??= (import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`) as Promise<Pagefind>).then(
    async (pagefind) => {
      await pagefind.options({ baseUrl: BASE, excerptLength: 22 });
      await pagefind.init();
      // Loading the filter index is what makes each search report its filter counts.
      await pagefind.filters();
      pagefindReady = pagefind;
      return pagefind;
    },
  );
  pagefindLoad.catch(() => (pagefindLoad = undefined));
  return pagefindLoad;
}

/** A practice with the words that describe it besides its title, for typo-tolerant matching. */
type Practice = SearchPractice & SuggestEntry;
const practices: Practice[] = searchData.practices.map((p) => ({
  ...p,
  context: `${p.subsection} ${p.sectionTitle} ${p.source}`,
}));

/**
 * Starts loading search as soon as a reader shows intent, so the first
 * keystroke is answered fast: the small practice list first, then Pagefind,
 * whose start-up would otherwise hold up the instant results on a slow phone.
 */
export function preloadSearch(styles: string): void {
  void linkStyles(styles);
  void idle().then(() => loadPagefind().catch(() => {}));
}

/** Resolves when the main thread is free (or soon), so starting Pagefind never delays a keystroke's instant results. */
function idle(): Promise<void> {
  return new Promise((resolve) =>
    "requestIdleCallback" in window ? requestIdleCallback(() => resolve(), { timeout: 200 }) : setTimeout(resolve, 0),
  );
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", text = ""): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/**
 * Pagefind's excerpt is HTML with <mark> around matched words. Rebuild it from
 * text and <mark> only, so nothing in the page text or the query can inject markup.
 */
function safeExcerpt(html: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  const copy = (from: Node, to: Node) => {
    for (const child of from.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) to.appendChild(document.createTextNode(child.textContent ?? ""));
      else if (child.nodeName === "MARK") copy(child, to.appendChild(document.createElement("mark")));
      else copy(child, to);
    }
  };
  copy(template.content, out);
  return out;
}

let uid = 0;

export interface SearchOptions {
  /** Query parameter that carries the search terms to the page a result opens, to be highlighted there. */
  highlightParam: string;
  /** URL of the search interface's stylesheet, linked on first use. */
  styles: string;
}

let stylesLoad: Promise<void> | undefined;

/**
 * Links the search stylesheet once, resolving when it applies; reading pages
 * never load it. The header links it already at the first sign of intent.
 */
function linkStyles(href: string): Promise<void> {
  stylesLoad ??= new Promise<void>((resolve) => {
    let link = document.querySelector<HTMLLinkElement>("link[data-search-styles]");
    if (link?.sheet) return resolve();
    if (!link) {
      link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.dataset["searchStyles"] = "";
      document.head.append(link);
    }
    // Resolve on error too: an unstyled search still works.
    link.addEventListener("load", () => resolve());
    link.addEventListener("error", () => resolve());
  });
  return stylesLoad;
}

/** One search interface: input, filter chips, live status, results, suggestions. */
class SearchUI {
  readonly input: HTMLInputElement;
  private readonly filters: HTMLElement;
  private readonly status: HTMLElement;
  private readonly results: HTMLOListElement;
  private readonly empty: HTMLElement;
  private state: SearchState;
  private running = false;
  private pending = false;
  /** The search the instant results on screen answer, if any. */
  private instantFor: SearchState | undefined;

  constructor(
    root: HTMLElement,
    initial: SearchState,
    private readonly options: SearchOptions,
    private readonly onChange: (state: SearchState) => void = () => {},
  ) {
    void linkStyles(options.styles);
    const id = `search-${++uid}`;
    this.state = initial;
    const label = el("label", "block text-sm font-medium", "Search the handbook");
    label.htmlFor = `${id}-q`;
    this.input = el("input", "mt-1 w-full rounded-md border border-line bg-paper px-3 py-2 text-base");
    Object.assign(this.input, {
      id: `${id}-q`,
      type: "search",
      autocomplete: "off",
      spellcheck: false,
      value: initial.query,
    });
    this.input.placeholder = "Try “follow up” or “introvert”";
    this.filters = el("div", "mt-3 space-y-2");
    this.status = el("p", "mt-3 text-sm text-muted");
    Object.assign(this.status, { role: "status" });
    this.status.setAttribute("aria-live", "polite");
    this.results = el("ol", "mt-2 space-y-1");
    this.results.setAttribute("aria-label", "Results");
    this.empty = el("div", "mt-2");
    if (import.meta.env.DEV) {
      const note = el("p", "mt-3 rounded-md border border-line p-3 text-sm");
      note.textContent =
        "Development mode: the search index is written by a build. Run `npm run build` and `npm run preview` to try search.";
      root.append(note);
    }
    root.append(label, this.input, this.filters, this.status, this.results, this.empty);

    this.input.addEventListener("input", () => this.update({ query: this.input.value }));
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || (event.key === "Enter" && this.links().length)) {
        event.preventDefault();
        if (event.key === "Enter") this.links()[0]!.click();
        else this.links()[0]?.focus();
      }
    });
    this.results.addEventListener("keydown", (event) => this.moveFocus(event));
    void this.run();
  }

  private links(): HTMLAnchorElement[] {
    return [
      ...this.results.querySelectorAll<HTMLAnchorElement>("a"),
      ...this.empty.querySelectorAll<HTMLAnchorElement>("a"),
    ];
  }

  /** Arrow keys move through results; typing goes back to the search field. */
  private moveFocus(event: KeyboardEvent): void {
    const links = this.links();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) this.input.focus();
      else links[Math.min(next, links.length - 1)]?.focus();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      this.input.focus();
    }
  }

  setState(state: SearchState): void {
    this.state = state;
    this.input.value = state.query;
    void this.run();
  }

  private update(change: Partial<SearchState>): void {
    this.state = { ...this.state, ...change };
    this.onChange(this.state);
    void this.run();
  }

  /**
   * Runs the current search. While Pagefind's index is still loading, practices
   * whose title or source text match are shown at once; Pagefind's full-text
   * results replace them when it is ready. At most one Pagefind search runs at
   * a time: keystrokes that arrive meanwhile are folded into the next run, so
   * the latest query never queues behind stale ones, and nothing waits on a timer.
   */
  private async run(): Promise<void> {
    this.setBusy(true);
    if (!pagefindReady) this.showInstant();
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.pending = false;
        await this.runOnce();
      } while (this.pending);
    } finally {
      this.running = false;
      this.setBusy(false);
    }
  }

  /**
   * Marks the results as still being refined (instant, first, all), so a
   * screen reader can wait for the settled list rather than read a partial one.
   */
  private setBusy(busy: boolean): void {
    for (const region of [this.results, this.empty]) region.setAttribute("aria-busy", String(busy));
  }

  private async runOnce(): Promise<void> {
    const state = this.state;
    const stale = () => this.state !== state;
    const data = searchData;
    try {
      // Let the instant results paint before Pagefind starts up on the same thread.
      if (!pagefindReady) await idle();
      await loadPagefind();
    } catch {
      this.status.textContent = "";
      this.empty.replaceChildren(this.fallback("Search could not load."));
      return;
    }
    if (stale()) return;
    const pagefind = pagefindReady!;
    const byId = (list: { id: string; title: string }[], ids: string[]) =>
      ids.map((id) => list.find((x) => x.id === id)?.title).filter((t): t is string => Boolean(t));
    const selected = {
      section: byId(data.sections, state.sections),
      industry: byId(data.industries, state.industries),
    };
    const query = state.query.trim() || null;
    const filtersFor = (skip?: "section" | "industry") => {
      const filters: Record<string, { any: string[] }> = {};
      for (const key of ["section", "industry"] as const)
        if (key !== skip && selected[key].length) filters[key] = { any: selected[key] };
      return filters;
    };
    if (!query && !selected.section.length && !selected.industry.length) {
      this.renderChips(data, await pagefind.filters());
      this.status.textContent = "";
      this.results.replaceChildren();
      this.empty.replaceChildren();
      return;
    }
    const search = await pagefind.search(query, { filters: filtersFor() });
    if (stale()) return;
    // The first result is shown as soon as it is loaded and the rest follow,
    // except over instant results for this same query: those stay until the
    // full list replaces them, so the list never shrinks to one and grows back.
    if (this.instantFor !== state) {
      const first = await search.results[0]?.data();
      if (stale()) return;
      this.renderResults(first ? [first] : [], search.results.length, state);
    }
    // Counts for a group ignore that group's own selection, so chips in one group combine with "any of".
    const counts = { ...search.filters };
    for (const key of ["section", "industry"] as const) {
      if (selected[key].length)
        counts[key] = (await pagefind.search(query, { filters: filtersFor(key) })).filters[key] ?? {};
    }
    const top = await Promise.all(search.results.slice(0, LIMIT).map((r) => r.data()));
    if (stale()) return;
    this.renderChips(data, counts);
    this.renderResults(top, search.results.length, state);
    if (search.results.length === 0) this.renderSuggestions(data);
    else this.empty.replaceChildren();
  }

  /** Shows instant results for the current query, unless the full-text index answers first. */
  private showInstant(): void {
    const state = this.state;
    if (!state.query.trim()) return;
    this.renderInstant(state);
  }

  /** Before the full-text index is ready: practices whose title, subsection or source text match, typos forgiven. */
  private renderInstant(state: SearchState): void {
    const matches = (p: Practice) =>
      (!state.sections.length || state.sections.includes(p.section)) &&
      (!state.industries.length || p.industries.some((i) => state.industries.includes(i)));
    const found = suggest(state.query, practices.filter(matches), LIMIT);
    if (found.length === 0) return;
    this.instantFor = state;
    const terms = highlightTerms(state.query);
    this.status.textContent = "Searching the full text…";
    this.replaceResults(
      found.map((p) => {
        const excerpt = document.createDocumentFragment();
        let at = 0;
        for (const [start, end] of matchRanges(p.source, terms)) {
          excerpt.append(p.source.slice(at, start), el("mark", "", p.source.slice(start, end)));
          at = end;
        }
        excerpt.append(p.source.slice(at));
        return this.resultItem(p.title, `${p.sectionTitle} › ${p.subsection}`, p.url, excerpt, state.query);
      }),
    );
  }

  private renderChips(data: SearchData, counts: Record<string, Record<string, number>>): void {
    const groups = [
      { key: "sections" as const, filter: "section", label: "Section", items: data.sections },
      { key: "industries" as const, filter: "industry", label: "Industry", items: data.industries },
    ];
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.["chip"];
    this.filters.replaceChildren(
      ...groups.map((group) => {
        // One scrollable row per group on phones, so results stay in view; wrapped on wider screens.
        const wrap = el("div", "flex items-center gap-1.5 overflow-x-auto pb-1 sm:flex-wrap sm:overflow-visible");
        const labelId = `${this.input.id}-${group.filter}`;
        wrap.setAttribute("role", "group");
        wrap.setAttribute("aria-labelledby", labelId);
        const name = el("span", "mr-1 shrink-0 text-xs font-semibold text-muted uppercase", group.label);
        name.id = labelId;
        wrap.append(name);
        for (const item of group.items) {
          const count = counts[group.filter]?.[item.title] ?? 0;
          const pressed = this.state[group.key].includes(item.id);
          if (count === 0 && !pressed) continue;
          const chip = el(
            "button",
            "shrink-0 rounded-full border border-line px-2.5 py-0.5 text-sm whitespace-nowrap aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-paper",
          );
          chip.type = "button";
          chip.dataset["chip"] = `${group.filter}:${item.id}`;
          chip.setAttribute("aria-pressed", String(pressed));
          chip.textContent = `${item.title} (${count})`;
          chip.addEventListener("click", () => this.update({ [group.key]: toggle(this.state[group.key], item.id) }));
          wrap.append(chip);
        }
        return wrap;
      }),
    );
    // Re-rendering must not lose the reader's place: give focus back to the chip they pressed.
    if (focusedId) this.filters.querySelector<HTMLElement>(`[data-chip="${CSS.escape(focusedId)}"]`)?.focus();
  }

  /**
   * Replaces the result list without losing the reader's place: results are
   * refined as the index answers (instant, first, all), and a reader already
   * arrowing through them keeps focus on the same position.
   */
  private replaceResults(items: HTMLLIElement[]): void {
    const links = [...this.results.querySelectorAll("a")];
    const focused = links.indexOf(document.activeElement as HTMLAnchorElement);
    this.results.replaceChildren(...items);
    if (focused >= 0) {
      const now = [...this.results.querySelectorAll("a")];
      (now[Math.min(focused, now.length - 1)] ?? this.input).focus();
    }
  }

  private resultItem(title: string, where: string, href: string, excerpt: Node, query: string): HTMLLIElement {
    const item = el("li");
    const link = el("a", "block rounded-md px-3 py-2 no-underline hover:bg-accent-soft focus:bg-accent-soft");
    const url = new URL(href, location.origin);
    if (query.trim()) url.searchParams.set(this.options.highlightParam, query.trim());
    link.href = url.pathname + url.search + url.hash;
    const text = el("span", "mt-0.5 block text-sm text-ink");
    text.append(excerpt);
    link.append(
      el("span", "block font-semibold text-accent", title),
      el("span", "block text-xs text-muted", where),
      text,
    );
    item.append(link);
    return item;
  }

  private renderResults(top: PagefindResultData[], total: number, state: SearchState): void {
    this.status.textContent =
      total === 0
        ? "No practices match."
        : `${total} result${total === 1 ? "" : "s"}${total > top.length ? `, showing the first ${Math.min(total, LIMIT)}` : ""}.`;
    this.replaceResults(
      top.map((result) => {
        const type = result.meta["type"];
        const where =
          type === "practice"
            ? `${result.meta["section"] ?? ""} › ${result.meta["subsection"] ?? ""}`
            : type === "section"
              ? "Section"
              : type === "industry"
                ? "Industry"
                : "Page";
        return this.resultItem(
          result.meta["title"] ?? result.url,
          where,
          result.url,
          safeExcerpt(result.excerpt),
          state.query,
        );
      }),
    );
  }

  private renderSuggestions(data: SearchData): void {
    const close = suggest(this.state.query, practices);
    const linkList = (className: string, items: { title: string; url: string }[]) => {
      const list = el("ul", className);
      for (const { title, url } of items) {
        const link = el("a", "", title);
        link.href = url;
        const item = el("li");
        item.append(link);
        list.append(item);
      }
      return list;
    };
    const box = el("div", "space-y-3 text-sm");
    if (close.length) box.append(el("p", "font-medium", "Closest practice titles:"), linkList("space-y-1", close));
    box.append(this.fallback(close.length ? "Or browse a section:" : "Try other words, or browse a section:"));
    box.append(linkList("flex flex-wrap gap-x-4 gap-y-1", data.sections));
    this.empty.replaceChildren(box);
  }

  private fallback(message: string): HTMLElement {
    const p = el("p", "text-sm", `${message} `);
    const az = el("a", "", "All practices A–Z");
    az.href = `${BASE}practices/`;
    p.append(az);
    return p;
  }
}

let dialog: { element: HTMLDialogElement; ui: SearchUI; share: HTMLAnchorElement } | undefined;

function shareHref(state: SearchState): string {
  return `${BASE}search/${serializeSearchState(state)}`;
}

/** Opens the search dialog, or focuses the search page's own field when on /search/. */
export async function openSearchDialog(
  options: SearchOptions & {
    /** Hands over what the reader typed before the dialog was ready (and clears it where it was typed). */
    takeQuery: () => string;
    opener: HTMLElement | null;
  },
): Promise<void> {
  // Never show the dialog unstyled: the first time, wait for its stylesheet (already requested on intent).
  await linkStyles(options.styles);
  const query = options.takeQuery();
  const page = document.querySelector<HTMLInputElement>("[data-search-page] input[type=search]");
  if (page) {
    if (query) {
      page.value = query;
      page.dispatchEvent(new Event("input"));
    }
    page.focus();
    return;
  }
  if (!dialog) {
    const element = el(
      "dialog",
      "m-0 h-dvh max-h-none w-full max-w-none bg-paper p-0 text-ink backdrop:bg-black/50 sm:mx-auto sm:mt-[8vh] sm:h-auto sm:max-h-[80vh] sm:max-w-2xl sm:rounded-xl sm:border sm:border-line",
    );
    element.setAttribute("aria-labelledby", "search-dialog-title");
    const inner = el("div", "flex max-h-[inherit] flex-col p-4");
    const head = el("div", "flex items-center justify-between gap-2");
    const title = el("h2", "text-lg font-semibold", "Search");
    title.id = "search-dialog-title";
    const closeButton = el("button", "rounded-md border border-line px-2.5 py-1 text-sm", "Close");
    closeButton.type = "button";
    closeButton.addEventListener("click", () => element.close());
    head.append(title, closeButton);
    const body = el("div", "min-h-0 overflow-y-auto");
    const foot = el("p", "mt-3 border-t border-line pt-3 text-xs text-muted");
    const share = el("a", "", "Open this search as a page to share it");
    foot.append(share, " · Arrow keys move through results, Enter opens, Esc closes.");
    inner.append(head, body, foot);
    element.append(inner);
    document.body.append(element);
    const ui = new SearchUI(
      body,
      parseSearchState(new URLSearchParams()),
      options,
      (state) => (share.href = shareHref(state)),
    );
    share.href = shareHref(parseSearchState(new URLSearchParams()));
    // A click on the backdrop (the dialog element itself, outside its content) closes it.
    element.addEventListener("click", (event) => {
      if (event.target === element) element.close();
    });
    element.addEventListener("keydown", (event) => {
      // Escape closes at once, even from the search field, where Chromium would first only clear the text.
      if (event.key === "Escape") {
        event.preventDefault();
        element.close();
        return;
      }
      // Keep Tab and Shift+Tab cycling inside the dialog.
      if (event.key !== "Tab") return;
      const focusable = [...element.querySelectorAll<HTMLElement>("a[href], button, input")].filter(
        (n) => n.offsetParent !== null,
      );
      const first = focusable[0];
      const last = focusable.at(-1);
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    });
    dialog = { element, ui, share };
  }
  const { element, ui } = dialog;
  if (!element.open) {
    const opener = options.opener;
    element.addEventListener("close", () => opener?.focus(), { once: true });
    // A fresh opening starts from what was typed; keystrokes that arrive while it opens are added to it.
    if (query) ui.setState({ ...parseSearchState(new URLSearchParams()), query });
    element.showModal();
  } else if (query) {
    ui.setState({ ...parseSearchState(new URLSearchParams()), query: ui.input.value + query });
  }
  ui.input.focus();
  ui.input.setSelectionRange(ui.input.value.length, ui.input.value.length);
}

/** Mounts search on /search/, keeping the URL in step so the search can be copied and sent. */
export function mountSearchPage(root: HTMLElement, options: SearchOptions): void {
  const read = () => parseSearchState(new URLSearchParams(location.search));
  const ui = new SearchUI(root, read(), options, (state) => {
    history.replaceState(history.state, "", `${location.pathname}${serializeSearchState(state)}`);
  });
  root.dataset["ready"] = "true";
  addEventListener("popstate", () => ui.setState(read()));
  ui.input.focus();
}
