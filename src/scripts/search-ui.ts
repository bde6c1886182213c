/**
 * The handbook's search on the page: the dialog every page opens and the
 * shareable /search/ page. This module is the DOM only: it clones the markup
 * of src/components/search/ (published in /search/ui.json), fills it from
 * what the SearchController decides, and turns keys and clicks into changes
 * for it. It loads only once a reader shows intent (focus or click on the
 * search field, `/`, Ctrl/Cmd+K) or opens /search/.
 */
import { EMPTY_STATE, parseSearchState, serializeSearchState, type SearchState } from "../lib/search/state.ts";
import { paths, withBase } from "../lib/site/urls.ts";
import { BASE, client, clone, header, linkStyles, loadUi, type SearchOptions, type Ui } from "./search-dom.ts";
import { SearchPanel } from "./search-panel.ts";

/** Marking the searched-for words on the page a result opened: it shares the highlighting code, and the reader has just loaded this module. */
export { highlightArrival } from "./arrival-highlight.ts";

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
