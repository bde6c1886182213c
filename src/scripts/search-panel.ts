/** One search interface in the DOM (the dialog's or the /search/ page's): see search-ui.ts. */
import {
  LIMIT,
  SearchController,
  type ChipGroup,
  type EmptyState,
  type ResultItem,
  type SearchRenderer,
} from "../lib/search/controller.ts";
import { listHas } from "../lib/lists/list.ts";
import { browserStore, LIST_KEY, parseList, readKey } from "../lib/lists/storage.ts";
import type { SearchState } from "../lib/search/state.ts";
import { client, clone, fill, idle, showListed, toggleListed, type SearchOptions, type Ui } from "./search-dom.ts";

let uid = 0;

/** One search interface in the DOM: renders what its controller decides, and passes on what the reader does. */
export class SearchPanel implements SearchRenderer {
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
