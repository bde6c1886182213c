/**
 * The handbook's search on the page: the dialog every page opens and the
 * shareable /search/ page. This module is the DOM only: it clones the markup
 * of src/components/search/ (published in /search/ui.json), fills it from
 * what the SearchController decides, and turns keys and clicks into changes
 * for it. It loads only once a reader shows intent (focus or click on the
 * search field, `/`, Ctrl/Cmd+K) or opens /search/.
 */
import {
  LIMIT,
  SearchController,
  type ChipGroup,
  type EmptyState,
  type ResultItem,
  type SearchRenderer,
} from "../lib/search/controller.ts";
import type { ExcerptPart } from "../lib/search/excerpt.ts";
import { pagefindClient } from "../lib/search/pagefind-client.ts";
import {
  decodePracticeList,
  SEARCH_UI_PATH,
  type ListedPractice,
  type SearchUiData,
} from "../lib/search/practice-list.ts";
import { listHas, toggleId } from "../lib/lists/list.ts";
import { browserStore, LIST_KEY, parseList, readKey, serializeList, writeKey } from "../lib/lists/storage.ts";
import { EMPTY_STATE, parseSearchState, serializeSearchState, type SearchState } from "../lib/search/state.ts";
import { href } from "../lib/site/href.ts";
import { paths, withBase } from "../lib/site/urls.ts";

/** Marking the searched-for words on the page a result opened: it shares the highlighting code, and the reader has just loaded this module. */
export { highlightArrival } from "./arrival-highlight.ts";

/** The site's base path with its trailing slash, as Pagefind's `baseUrl` wants it. */
const BASE = href("/");
const client = pagefindClient({ base: BASE, version: import.meta.env.HANDBOOK_VERSION });

interface SearchOptions {
  /** Query parameter that carries the search terms to the page a result opens, to be highlighted there. */
  highlightParam: string;
  /** URL of the search interface's stylesheet, linked on first use. */
  styles: string;
}

/**
 * The header's search field, and the options its form carries: read here
 * rather than passed in, so the script inlined on every page stays small.
 */
function header(): SearchOptions & { input: HTMLInputElement } {
  const input = document.querySelector<HTMLInputElement>("#header-search")!;
  const data = input.form!.dataset;
  return { input, highlightParam: data["highlightParam"]!, styles: data["searchStyles"]! };
}

interface Ui {
  templates: Map<string, HTMLTemplateElement>;
  practices: ListedPractice[];
  /** A practice's id by its page's URL (a result's key), for "Add to list". */
  practiceIds: Map<string, string>;
  sections: SearchUiData["sections"];
  industries: SearchUiData["industries"];
}

let uiLoad: Promise<Ui> | undefined;

/** The part of the Trusted Types API used here (TypeScript's DOM library has none of it yet). */
declare const trustedTypes:
  | { createPolicy(name: string, rules: { createHTML(html: string): string }): { createHTML(html: string): unknown } }
  | undefined;

/**
 * Pages require Trusted Types (src/lib/build/csp.ts): a string becomes markup
 * only through a named policy. The templates are the one such string, the
 * site's own markup from its own origin, so this policy passes them through;
 * the results are filled with text nodes (`fill`), never with markup.
 */
const templatePolicy =
  typeof trustedTypes === "undefined"
    ? undefined
    : trustedTypes.createPolicy("search-ui", { createHTML: (html) => html });

/** The markup and practice list, fetched once. */
function loadUi(): Promise<Ui> {
  uiLoad ??= fetch(withBase(BASE, SEARCH_UI_PATH))
    .then((response) => {
      if (!response.ok) throw new Error(`${SEARCH_UI_PATH}: ${response.status}`);
      return response.json() as Promise<SearchUiData>;
    })
    .then((data) => {
      const holder = document.createElement("template");
      holder.innerHTML = (templatePolicy?.createHTML(data.templates) ?? data.templates) as string;
      const templates = new Map(
        [...holder.content.querySelectorAll<HTMLTemplateElement>("template[data-template]")].map((t) => [
          t.dataset["template"]!,
          t,
        ]),
      );
      const practices = decodePracticeList(data, (id) => withBase(BASE, paths.practice(id)));
      const practiceIds = new Map(practices.map((p) => [p.url, p.id]));
      return { templates, practices, practiceIds, sections: data.sections, industries: data.industries };
    });
  uiLoad.catch(() => (uiLoad = undefined));
  return uiLoad;
}

function clone<T extends Element>(ui: Ui, name: string): T {
  const template = ui.templates.get(name);
  if (!template?.content.firstElementChild) throw new Error(`search: no template "${name}"`);
  return document.importNode(template.content.firstElementChild, true) as T;
}

/** Text nodes and <mark>s, so nothing in a page's text or the query can become markup. */
function fill(target: Element, parts: readonly ExcerptPart[]): void {
  target.replaceChildren(
    ...parts.map((part) =>
      part.marked ? Object.assign(document.createElement("mark"), { textContent: part.text }) : part.text,
    ),
  );
}

/**
 * Starts loading search as soon as a reader shows intent, so the first
 * keystroke is answered fast: the markup and practice list for the instant
 * results, and Pagefind beside them (its files download while the instant
 * results render; the controller lets those paint before searching).
 */
export function preloadSearch(styles = header().styles): void {
  void linkStyles(styles);
  void loadUi().catch(() => {});
  void client.load().catch(() => {});
}

/**
 * Resolves when the main thread is free (or soon): instant results paint
 * first, and while the reader is still typing the full-text search waits for
 * the last keystroke instead of answering every partial word.
 */
function idle(): Promise<void> {
  return new Promise((resolve) =>
    "requestIdleCallback" in window ? requestIdleCallback(() => resolve(), { timeout: 200 }) : setTimeout(resolve, 0),
  );
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

let sayTimer = 0;
/**
 * Says a short message in a polite live region, as CopyButton does: the
 * dialog's own while it is open (a modal dialog hides the rest of the page
 * from screen readers), else the page's.
 */
function say(from: Element, message: string): void {
  const announcer =
    from.closest("dialog")?.querySelector<HTMLElement>("[data-announcer]") ??
    document.querySelector<HTMLElement>("body > [data-announcer]");
  if (!announcer) return;
  announcer.textContent = message;
  announcer.style.opacity = "1";
  clearTimeout(sayTimer);
  sayTimer = window.setTimeout(() => {
    announcer.style.opacity = "0";
    announcer.textContent = "";
  }, 2500);
}

/** Shows a result's "Add to list" toggle as in the reader's working list or not. */
function showListed(button: HTMLButtonElement, listed: boolean): void {
  button.setAttribute("aria-pressed", String(listed));
  button.querySelector("[data-result-add-icon]")!.textContent = listed ? "✓" : "+";
}

/** Adds the practice to the reader's working list (/lists/), or takes it out, and says which. */
function toggleListed(button: HTMLButtonElement, id: string, title: string): void {
  const store = browserStore();
  const { list, added, full } = toggleId(parseList(readKey(store, LIST_KEY)), id);
  if (full) return say(button, "Your list is full: remove a practice on the lists page first");
  if (!writeKey(store, LIST_KEY, serializeList(list)))
    return say(button, "Adding failed: this browser does not let the handbook store a list");
  showListed(button, added);
  say(button, added ? `Added ${title} to your list` : `Removed ${title} from your list`);
}

let uid = 0;

/** One search interface in the DOM: renders what its controller decides, and passes on what the reader does. */
class SearchPanel implements SearchRenderer {
  readonly input: HTMLInputElement;
  readonly controller: SearchController;
  private readonly filters: HTMLElement;
  private readonly filtersToggle: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly resultList: HTMLElement;
  private readonly moreBox: HTMLElement;
  private readonly emptyBox: HTMLElement;

  constructor(
    private readonly ui: Ui,
    root: HTMLElement,
    initial: SearchState,
    options: SearchOptions,
    onChange?: (state: SearchState) => void,
  ) {
    const panel = clone<HTMLElement>(ui, "panel");
    const part = <T extends HTMLElement>(name: string) => panel.querySelector<T>(`[data-search-${name}]`)!;
    this.input = part<HTMLInputElement>("input");
    this.filters = part("filters");
    this.filtersToggle = part<HTMLButtonElement>("filters-toggle");
    this.status = part("status");
    this.resultList = part("results");
    this.moreBox = part("more");
    this.emptyBox = part("empty");
    this.input.id = `search-${++uid}-q`;
    part<HTMLLabelElement>("label").htmlFor = this.input.id;
    this.filters.id = `${this.input.id}-filters`;
    this.filtersToggle.setAttribute("aria-controls", this.filters.id);
    this.filtersLabel(initial);
    this.filtersToggle.addEventListener("click", () => {
      this.filters.hidden = !this.filters.hidden;
      this.filtersToggle.setAttribute("aria-expanded", String(!this.filters.hidden));
    });
    this.input.value = initial.query;
    root.append(panel);

    this.controller = new SearchController(initial, {
      client,
      practices: ui.practices,
      sections: ui.sections,
      industries: ui.industries,
      renderer: this,
      highlightParam: options.highlightParam,
      yieldToPaint: idle,
      ...(onChange ? { onChange } : {}),
    });
    this.input.addEventListener("input", () => void this.controller.update({ query: this.input.value }));
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || (event.key === "Enter" && this.links().length)) {
        event.preventDefault();
        if (event.key === "Enter") this.links()[0]!.click();
        else this.links()[0]?.focus();
      }
    });
    this.resultList.addEventListener("keydown", (event) => this.moveFocus(event));
    void this.controller.run();
  }

  setState(state: SearchState): void {
    this.input.value = state.query;
    void this.controller.set(state);
  }

  private links(): HTMLAnchorElement[] {
    return [
      ...this.resultList.querySelectorAll<HTMLAnchorElement>("a"),
      ...this.emptyBox.querySelectorAll<HTMLAnchorElement>("a"),
    ];
  }

  /** Arrow keys move through results; typing goes back to the search field. */
  private moveFocus(event: KeyboardEvent): void {
    const links = this.links();
    const active = document.activeElement as HTMLElement | null;
    const onButton = active?.tagName === "BUTTON";
    // From a result's "Add to list" button the arrows step from that result, as from its link.
    const current = onButton ? active!.closest("li")?.querySelector("a") : active;
    const index = links.indexOf(current as HTMLAnchorElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) this.input.focus();
      else links[Math.min(next, links.length - 1)]?.focus();
    } else if (
      event.key.length === 1 &&
      !(onButton && event.key === " ") &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      this.input.focus();
    }
  }

  busy(busy: boolean): void {
    for (const region of [this.resultList, this.emptyBox]) region.setAttribute("aria-busy", String(busy));
  }

  /** The results under the pointer and with focus: the controller keeps them in place. */
  held(): string[] {
    return [...this.resultList.querySelectorAll<HTMLElement>("li:hover, li:focus-within")].map(
      (li) => li.dataset["key"]!,
    );
  }

  /**
   * Replaces the result list without losing the reader's place: results are
   * refined as the index answers (instant, then full text) and by each
   * keystroke. Focus stays on the same result, or the same position if that
   * one has gone, and the result the reader points at or has focused stays
   * where it is on screen even when the entries above it grow.
   */
  results(items: ResultItem[], status?: string, more?: number): void {
    if (status !== undefined) this.status.textContent = status;
    const links = () => [...this.resultList.querySelectorAll<HTMLAnchorElement>("a")];
    const focused = links().indexOf(document.activeElement as HTMLAnchorElement);
    // A result's "Add to list" button keeps focus too when the list is refined.
    const focusedAdd = (document.activeElement as HTMLElement | null)?.closest("[data-result-add]")
      ? (document.activeElement!.closest("li")?.dataset["key"] ?? "")
      : undefined;
    const list = parseList(readKey(browserStore(), LIST_KEY));
    const focusedKey = focused >= 0 ? (document.activeElement!.closest("li")!.dataset["key"] ?? "") : "";
    const [heldKey] = this.held();
    const heldTop = heldKey ? this.entry(heldKey)?.getBoundingClientRect().top : undefined;
    this.resultList.replaceChildren(
      ...items.map((item, index) => {
        const li = clone<HTMLLIElement>(this.ui, "result");
        li.dataset["key"] = item.key;
        li.toggleAttribute("data-partial", item.partial);
        const link = li.querySelector("a")!;
        link.href = item.href;
        fill(link, item.title);
        const where = li.querySelector("[data-result-where]")!;
        where.textContent = item.where;
        // Titles repeat across subsections ("Follow-up"): where a result sits tells them apart.
        where.id = `${this.input.id}-r${index}`;
        link.setAttribute("aria-describedby", where.id);
        const source = li.querySelector<HTMLElement>("[data-result-source]")!;
        source.textContent = item.source;
        source.hidden = !item.source && !item.partial;
        fill(li.querySelector("[data-result-excerpt]")!, item.excerpt);
        const id = this.ui.practiceIds.get(item.key);
        if (id) {
          const title = item.title.map((t) => t.text).join("");
          li.toggleAttribute("data-listable", true);
          const add = li.querySelector<HTMLButtonElement>("[data-result-add]")!;
          add.hidden = false;
          add.setAttribute("aria-label", `Add to list: ${title}`);
          showListed(add, listHas(list, id));
          add.addEventListener("click", () => toggleListed(add, id, title));
        }
        return li;
      }),
    );
    if (heldTop !== undefined) {
      // Entries above the one held may have grown (an excerpt filled in): scroll so it stays put.
      const shift = (this.entry(heldKey!)?.getBoundingClientRect().top ?? heldTop) - heldTop;
      const scroller = this.resultList.closest<HTMLElement>("[data-search-body]") ?? document.scrollingElement;
      if (shift && scroller) scroller.scrollTop += shift;
    }
    if (focusedAdd !== undefined) {
      (this.entry(focusedAdd)?.querySelector<HTMLElement>("[data-result-add]") ?? this.input).focus();
    } else if (focused >= 0) {
      const now = links();
      (this.entry(focusedKey)?.querySelector("a") ?? now[Math.min(focused, now.length - 1)] ?? this.input).focus();
    }
    if (more === undefined) return;
    // A new button each time: one that stayed would move as the list above it changes.
    const button = more > 0 ? clone<HTMLButtonElement>(this.ui, "more") : undefined;
    if (button) {
      button.textContent = `Show ${Math.min(more, LIMIT)} more`;
      button.addEventListener("click", () => void this.showMore());
    }
    this.moreBox.replaceChildren(...(button ? [button] : []));
  }

  private entry(key: string): HTMLElement | undefined {
    return [...this.resultList.querySelectorAll<HTMLElement>("li")].find((li) => li.dataset["key"] === key);
  }

  /** Adds the next results; focus goes to the first added, where the reader goes on reading. */
  private async showMore(): Promise<void> {
    const first = await this.controller.more();
    if (first >= 0) this.resultList.querySelectorAll("a")[first]?.focus();
  }

  /** The filters button says how many are chosen: they stay in force while hidden. */
  private filtersLabel(state: SearchState): void {
    const selected = state.sections.length + state.industries.length;
    this.filtersToggle.textContent = selected ? `Filters (${selected} selected)` : "Filters";
  }

  chips(groups: ChipGroup[]): void {
    this.filtersLabel(this.controller.state);
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.["chip"];
    this.filters.replaceChildren(
      ...groups.map((group) => {
        const wrap = clone<HTMLElement>(this.ui, "filter-group");
        const name = wrap.querySelector("[data-filter-name]")!;
        name.id = `${this.input.id}-${group.filter}`;
        name.textContent = group.label;
        wrap.setAttribute("aria-labelledby", name.id);
        for (const chip of group.chips) {
          const button = clone<HTMLButtonElement>(this.ui, "chip");
          button.dataset["chip"] = `${group.filter}:${chip.id}`;
          button.setAttribute("aria-pressed", String(chip.pressed));
          button.textContent = `${chip.title} (${chip.count})`;
          button.addEventListener("click", () => void this.controller.toggleChip(group.key, chip.id));
          wrap.append(button);
        }
        return wrap;
      }),
    );
    // Re-rendering must not lose the reader's place: give focus back to the chip they pressed.
    if (focusedId) this.filters.querySelector<HTMLElement>(`[data-chip="${CSS.escape(focusedId)}"]`)?.focus();
  }

  empty(state: EmptyState | null): void {
    if (!state) return this.emptyBox.replaceChildren();
    if (state.kind === "failed") {
      const note = clone<HTMLElement>(this.ui, "note");
      note.querySelector("[data-note-message]")!.textContent = state.message;
      return this.emptyBox.replaceChildren(note);
    }
    const box = clone<HTMLElement>(this.ui, "suggestions");
    const list = box.querySelector("[data-close-list]")!;
    for (const { title, url } of state.close) {
      const item = document.createElement("li");
      item.append(Object.assign(document.createElement("a"), { href: url, textContent: title }));
      list.append(item);
    }
    if (!state.close.length) box.querySelector("[data-close]")!.remove();
    box.querySelector("[data-note-message]")!.textContent = state.lead;
    this.emptyBox.replaceChildren(box);
  }
}

let dialog: { element: HTMLDialogElement; panel: SearchPanel } | undefined;

function shareHref(state: SearchState): string {
  return `${withBase(BASE, paths.search())}${serializeSearchState(state)}`;
}

function createDialog(ui: Ui, options: SearchOptions): { element: HTMLDialogElement; panel: SearchPanel } {
  const element = clone<HTMLDialogElement>(ui, "dialog");
  const share = element.querySelector<HTMLAnchorElement>("[data-search-share]")!;
  share.href = shareHref(EMPTY_STATE);
  element.querySelector("[data-search-close]")!.addEventListener("click", () => element.close());
  document.body.append(element);
  const panel = new SearchPanel(
    ui,
    element.querySelector<HTMLElement>("[data-search-body]")!,
    EMPTY_STATE,
    options,
    (state) => (share.href = shareHref(state)),
  );
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
  return { element, panel };
}

/**
 * Opens the search dialog, or focuses the search page's own field when on
 * /search/. What the reader typed into the header field meanwhile goes with
 * it. `opener` is where focus was when the reader asked for search (the
 * header field, a link, the page): it goes back there on closing.
 */
export async function openSearchDialog(opener: Element | null): Promise<void> {
  const options = header();
  preloadSearch(options.styles);
  // Never show the dialog unstyled: the first time, wait for its stylesheet (already requested on intent).
  const [ui] = await Promise.all([loadUi(), linkStyles(options.styles)]);
  const query = options.input.value;
  options.input.value = "";
  const page = document.querySelector<HTMLInputElement>("[data-search-page] input[type=search]");
  if (page) {
    if (query) {
      page.value = query;
      page.dispatchEvent(new Event("input"));
    }
    page.focus();
    return;
  }
  dialog ??= createDialog(ui, options);
  const { element, panel } = dialog;
  if (!element.open) {
    element.addEventListener(
      "close",
      () => {
        // The dialog hands focus back to the header field, which took the first keystrokes; from the page itself, nothing keeps it.
        if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
        else (document.activeElement as HTMLElement | null)?.blur();
      },
      { once: true },
    );
    // A fresh opening starts from what was typed; keystrokes that arrive while it opens are added to it.
    if (query) panel.setState({ ...EMPTY_STATE, query });
    element.showModal();
  } else if (query) {
    panel.setState({ ...EMPTY_STATE, query: panel.input.value + query });
  }
  panel.input.focus();
  panel.input.setSelectionRange(panel.input.value.length, panel.input.value.length);
}

/** Mounts search on /search/, keeping the URL in step so the search can be copied and sent. */
export async function mountSearchPage(root: HTMLElement): Promise<void> {
  const options = header();
  preloadSearch(options.styles);
  // Styled from the first paint: an unstyled panel restyled a moment later would shift.
  const [ui] = await Promise.all([loadUi(), linkStyles(options.styles)]);
  const read = () => parseSearchState(new URLSearchParams(location.search));
  const panel = new SearchPanel(ui, root, read(), options, (state) => {
    history.replaceState(history.state, "", `${location.pathname}${serializeSearchState(state)}`);
  });
  root.dataset["ready"] = "true";
  addEventListener("popstate", () => panel.setState(read()));
  panel.input.focus();
}
