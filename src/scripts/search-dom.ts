/**
 * What the search interface's parts share in the browser: the Pagefind
 * client, the header field's options, the markup and practice list fetched
 * on intent (/search/ui.json) and the small DOM helpers that fill it.
 */
import type { ExcerptPart } from "../lib/search/excerpt.ts";
import { pagefindClient } from "../lib/search/pagefind-client.ts";
import {
  decodePracticeList,
  SEARCH_UI_PATH,
  type ListedPractice,
  type SearchUiData,
} from "../lib/search/practice-list.ts";
import { toggleId } from "../lib/lists/list.ts";
import { browserStore, LIST_KEY, parseList, readKey, serializeList, writeKey } from "../lib/lists/storage.ts";
import { href } from "../lib/site/href.ts";
import { paths, withBase } from "../lib/site/urls.ts";

/** The site's base path with its trailing slash, as Pagefind's `baseUrl` wants it. */
export const BASE = href("/");
export const client = pagefindClient({ base: BASE, version: import.meta.env.HANDBOOK_VERSION });

export interface SearchOptions {
  /** Query parameter that carries the search terms to the page a result opens, to be highlighted there. */
  highlightParam: string;
  /** URL of the search interface's stylesheet, linked on first use. */
  styles: string;
}

/**
 * The header's search field, and the options its form carries: read here
 * rather than passed in, so the script inlined on every page stays small.
 */
export function header(): SearchOptions & { input: HTMLInputElement } {
  const input = document.querySelector<HTMLInputElement>("#header-search")!;
  const data = input.form!.dataset;
  return { input, highlightParam: data["highlightParam"]!, styles: data["searchStyles"]! };
}

export interface Ui {
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
export function loadUi(): Promise<Ui> {
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

export function clone<T extends Element>(ui: Ui, name: string): T {
  const template = ui.templates.get(name);
  if (!template?.content.firstElementChild) throw new Error(`search: no template "${name}"`);
  return document.importNode(template.content.firstElementChild, true) as T;
}

/** Text nodes and <mark>s, so nothing in a page's text or the query can become markup. */
export function fill(target: Element, parts: readonly ExcerptPart[]): void {
  target.replaceChildren(
    ...parts.map((part) =>
      part.marked ? Object.assign(document.createElement("mark"), { textContent: part.text }) : part.text,
    ),
  );
}

/**
 * Resolves when the main thread is free (or soon): instant results paint
 * first, and while the reader is still typing the full-text search waits for
 * the last keystroke instead of answering every partial word.
 */
export function idle(): Promise<void> {
  return new Promise((resolve) =>
    "requestIdleCallback" in window ? requestIdleCallback(() => resolve(), { timeout: 200 }) : setTimeout(resolve, 0),
  );
}

let stylesLoad: Promise<void> | undefined;

/**
 * Links the search stylesheet once, resolving when it applies; reading pages
 * never load it. The header links it already at the first sign of intent.
 */
export function linkStyles(href: string): Promise<void> {
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
export function say(from: Element, message: string): void {
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
export function showListed(button: HTMLButtonElement, listed: boolean): void {
  button.setAttribute("aria-pressed", String(listed));
  button.querySelector("[data-result-add-icon]")!.textContent = listed ? "✓" : "+";
}

/** Adds the practice to the reader's working list (/lists/), or takes it out, and says which. */
export function toggleListed(button: HTMLButtonElement, id: string, title: string): void {
  const store = browserStore();
  const { list, added, full } = toggleId(parseList(readKey(store, LIST_KEY)), id);
  if (full) return say(button, "Your list is full: remove a practice on the lists page first");
  if (!writeKey(store, LIST_KEY, serializeList(list)))
    return say(button, "Adding failed: this browser does not let the handbook store a list");
  showListed(button, added);
  say(button, added ? `Added ${title} to your list` : `Removed ${title} from your list`);
}
