/**
 * The header's search box (SearchControl.astro): at the first sign of intent
 * it loads the search interface, and it opens the search dialog on typing,
 * a click, "/" or Ctrl/⌘-K. Run by the header's one inline script.
 */
// Only the URL of the search module comes in from elsewhere, as a string:
// this script then imports nothing at run time and Astro inlines it, so a
// reading page makes no request for it (see src/integrations/lazy-chunk.ts).
import searchUrl from "./search-ui.ts?lazy-chunk";

type SearchModule = typeof import("./search-ui.ts");

const input = document.querySelector<HTMLInputElement>("#header-search")!;
const form = input.form!;
let search: Promise<SearchModule> | undefined;
const link = (rel: string, href: string) => {
  const element = Object.assign(document.createElement("link"), { rel, href });
  // Preloaded as fetch() will ask for it, or the browser fetches it twice.
  if (rel === "fetch") Object.assign(element, { rel: "preload", as: "fetch", crossOrigin: "anonymous" });
  document.head.append(element);
  return element;
};
// At the first sign of intent, fetch the search module, its stylesheet and what it loads next side by side.
const load = () => {
  if (!document.querySelector("link[data-search-styles]")) {
    link("stylesheet", form.dataset["searchStyles"]!).setAttribute("data-search-styles", "");
    const preloads = form.dataset["searchPreload"]!.split(" ");
    for (let i = 0; i < preloads.length; i += 2) link(preloads[i]!, preloads[i + 1]!);
  }
  return (search ??= import(/* @vite-ignore */ searchUrl));
};
// Focus goes back, on closing, to where the reader was: `opener`. Keystrokes typed while the
// dialog loads fire more requests to open; they join the first, which keeps its opener.
let opening: Promise<void> | undefined;
const open = (opener = document.activeElement) =>
  (opening ??= load()
    .then((module) => module.openSearchDialog(opener))
    .finally(() => (opening = undefined)));

for (const intent of ["focus", "pointerdown"]) {
  input.addEventListener(intent, () => void load().then((module) => module.preloadSearch()), { once: true });
}
for (const intent of ["input", "click"]) input.addEventListener(intent, () => void open());
form.addEventListener("submit", (event) => {
  event.preventDefault();
  void open();
});
document.addEventListener("keydown", (event) => {
  const target = event.target as HTMLElement;
  const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  if ((event.key === "/" && !typing) || (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey))) {
    event.preventDefault();
    const opener = document.activeElement;
    // Focus the field at once so what the reader types while the dialog loads is kept, then hand it over.
    input.focus();
    void open(opener);
  }
});

const page = document.querySelector<HTMLElement>("[data-search-page]");
if (page) void load().then((module) => module.mountSearchPage(page));

// A reader arriving from a search result: the search module is in their cache already.
const highlightParam = form.dataset["highlightParam"]!;
if (new URLSearchParams(location.search).has(highlightParam)) {
  void import(/* @vite-ignore */ searchUrl).then((module: SearchModule) => module.highlightArrival(highlightParam));
}
