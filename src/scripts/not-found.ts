import { decodePracticeList, SEARCH_UI_PATH, type PracticeList } from "../lib/search/practice-list.ts";
import { suggest } from "../lib/search/suggest.ts";
import { href } from "../lib/site/href.ts";
import { notFoundEntries, queryFromPath } from "../lib/site/not-found.ts";
import { paths } from "../lib/site/urls.ts";

/** As many as the not-found page keeps room for. */
const LIMIT = 5;

/**
 * Puts the words of the address that failed into the not-found page's search
 * field, and fills its list with the practices and sections whose names and
 * ids are closest to them. Loaded only on that page; the list's room is
 * reserved in the page, so nothing moves when it fills.
 */
export async function suggestFromAddress(): Promise<void> {
  const list = document.querySelector<HTMLElement>("[data-not-found-list]");
  const input = document.querySelector<HTMLInputElement>("[data-not-found-query]");
  const query = queryFromPath(location.pathname, import.meta.env.BASE_URL);
  if (!list || !input || !query) return;
  input.value = query;
  const response = await fetch(href(SEARCH_UI_PATH));
  if (!response.ok) throw new Error(`${SEARCH_UI_PATH}: ${response.status}`);
  const data = (await response.json()) as PracticeList;
  const practices = decodePracticeList(data, (id) => href(paths.practice(id)));
  const entries = notFoundEntries(practices, data.sections, (id) => href(paths.section(id)));
  const close = suggest(query, entries, LIMIT);
  if (!close.length) {
    const none = Object.assign(document.createElement("li"), { className: "text-muted" });
    none.textContent = `Nothing close to “${query}”: try the search above.`;
    return list.replaceChildren(none);
  }
  list.replaceChildren(
    ...close.map(({ title, url, where }) => {
      const item = document.createElement("li");
      const note = Object.assign(document.createElement("span"), { className: "text-sm text-muted" });
      note.textContent = ` · ${where}`;
      item.append(Object.assign(document.createElement("a"), { href: url, textContent: title }), note);
      return item;
    }),
  );
}
