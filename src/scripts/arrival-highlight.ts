import { highlightTerms, matchRanges } from "../lib/search/highlight.ts";

/**
 * Marks the words a reader searched for when they arrive from a search result
 * (`?highlight=…`), then removes the parameter from the address bar so that a
 * link copied from there is the clean permalink.
 *
 * The page stays where the reader landed when it can: a `#practice` anchor has
 * already put its title under the header, and a first match already on screen
 * needs no scroll. An introduction holding matches opens. Otherwise the practice holding the first match (or the
 * match) is brought to the top at once, title first, never centred and never
 * animated.
 */
export function highlightArrival(param: string): void {
  const url = new URL(location.href);
  const query = url.searchParams.get(param);
  if (query === null) return;
  url.searchParams.delete(param);
  history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  const terms = highlightTerms(query);
  const root = document.querySelector("[data-pagefind-body]") ?? document.querySelector("main");
  if (!root || terms.length === 0) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let first: HTMLElement | undefined;
  for (const node of nodes) {
    let earliest: HTMLElement | undefined;
    // Work from the end so earlier offsets stay valid as the node is split.
    for (const [start, end] of matchRanges(node.data, terms).reverse()) {
      const match = node.splitText(start);
      match.splitText(end - start);
      const mark = document.createElement("mark");
      match.replaceWith(mark);
      mark.append(match);
      earliest = mark;
    }
    first ??= earliest;
  }
  // A #practice link has put its title under the header: opening anything above it would push it away.
  if (!first || location.hash) return;
  // A section's or industry's search record is mostly its introduction, closed on arrival: open it to show the matches.
  const closed = root.querySelector("details:not([open]) mark")?.closest("details");
  if (closed) closed.open = true;
  if (inView(first)) return;
  (first.closest<HTMLElement>(".practice") ?? first).scrollIntoView({ block: "start", behavior: "instant" });
}

/** On screen and not under the sticky header. */
function inView(element: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  const header = document.querySelector("header")?.getBoundingClientRect().bottom ?? 0;
  return box.top >= header && box.bottom <= innerHeight;
}
