/**
 * "Save for offline": what the home page's control downloads and what it tells
 * the reader afterwards. Pure, so the worker, the page and the build share it.
 */

/** Where the reader's last save is remembered, beside the handbook's other keys (src/lib/lists/storage.ts). */
export const SAVED_KEY = "nbp:offline:v1";

/** The caches the worker and the save control share: names fixed here so both sides agree. */
export const CACHES = {
  /** Pages the reader opened or saved, looked up by their address. */
  pages: "nbp-pages",
  /** Pagefind's engine and index: content-hashed chunks plus an entry file versioned by query. */
  search: "nbp-search",
  /** Content-hashed scripts and styles (`_astro/`) and the search markup. */
  assets: "nbp-assets",
} as const;
export type CacheName = (typeof CACHES)[keyof typeof CACHES];

/** The manifest the build writes (`offline.json`) and the control fetches on click. */
export interface SaveManifest {
  /** The build's version: Pagefind's `metaCacheTag`, so a saved index belongs to the pages saved with it. */
  version: string;
  /** How many HTML pages a save stores. */
  pages: number;
  /** Bytes a save downloads, as stored (uncompressed). */
  bytes: number;
  /** Every address a save fetches, with the base path. */
  urls: string[];
}

/** A file of the build, by its path relative to the output folder (`practices/x/index.html`). */
export interface BuiltFile {
  path: string;
  bytes: number;
}

/** The address a page is opened at: its folder, as published with a trailing slash. */
const addressOf = (path: string) => path.replace(/(^|\/)index\.html$/, "$1");

/**
 * What a save fetches: every page, Pagefind's files (the entry file under the
 * build's version, as the search asks for it) and the search interface, never
 * the alias redirects or Pagefind's unused UI bundles.
 */
export function saveManifest(files: BuiltFile[], base: string, version: string, redirects: Set<string>): SaveManifest {
  const root = base.endsWith("/") ? base : `${base}/`;
  const urls: string[] = [];
  let pages = 0;
  let bytes = 0;
  for (const { path, bytes: size } of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    let url: string | undefined;
    if (path.endsWith(".html") && !redirects.has(path) && path !== "404.html") {
      url = addressOf(path);
      pages++;
    } else if (path === "pagefind/pagefind-entry.json") url = `${path}?ts=${version}`;
    else if (/^pagefind\/(pagefind\.js|[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|(index|fragment|filter)\/.+)$/.test(path))
      url = path;
    else if (/^_astro\/.+\.(js|css)$/.test(path) || path === "search/ui.json") url = path;
    if (url === undefined) continue;
    urls.push(root + url);
    bytes += size;
  }
  return { version, pages, bytes, urls };
}

/** The shell's pages, as files of the build: what a returning reader gets offline without saving. */
const SHELL_PAGES =
  /^(index\.html|sections\/[^/]+\/index\.html|practices\/index\.html|404\.html|offline\/index\.html|search\/index\.html)$/;

/**
 * The handbook's shell, fetched once the reader shows they will come back (src/lib/offline/intent.ts):
 * the home, every section, A–Z, search, 404 and offline pages at their addresses, and the save manifest
 * last, so that a manifest in the cache means the pages before it were fetched too.
 */
export function shellUrls(files: BuiltFile[], base: string): string[] {
  const root = base.endsWith("/") ? base : `${base}/`;
  const pages = files
    .map((f) => f.path)
    .filter((path) => SHELL_PAGES.test(path))
    .sort()
    .map((path) => root + addressOf(path));
  return [...pages, `${root}offline.json`];
}

/** Which cache an address of the site belongs in. */
export function cacheFor(url: string, base: string): CacheName {
  const root = base.endsWith("/") ? base : `${base}/`;
  const path = new URL(url, "http://site").pathname;
  if (path.startsWith(`${root}pagefind/`)) return CACHES.search;
  if (path.startsWith(`${root}_astro/`) || path === `${root}search/ui.json`) return CACHES.assets;
  return CACHES.pages;
}

/** A size as a reader reads it: "840 KB", "2.3 MB" (decimal units, as phones show storage). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  const mb = bytes / 1_000_000;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** What the reader saved, as remembered in localStorage. */
export interface SavedRecord {
  /** When the save finished, as an ISO date-time. */
  at: string;
  pages: number;
  bytes: number;
  version: string;
}

/** "Saved 30 Nov 2026 · 187 pages · 2.3 MB", the date in UTC so it reads the same in tests and everywhere. */
export function savedMessage({ at, pages, bytes }: SavedRecord): string {
  const date = new Date(at).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  return `Saved ${date} · ${pages} page${pages === 1 ? "" : "s"} · ${formatSize(bytes)}`;
}

/** The stored record, or undefined for anything else: a damaged value never throws. */
export function parseSaved(text: string | null): SavedRecord | undefined {
  try {
    const value = JSON.parse(text ?? "") as Partial<SavedRecord>;
    if (
      typeof value.at === "string" &&
      !Number.isNaN(Date.parse(value.at)) &&
      Number.isInteger(value.pages) &&
      Number.isInteger(value.bytes) &&
      typeof value.version === "string"
    )
      return { at: value.at, pages: value.pages!, bytes: value.bytes!, version: value.version };
  } catch {
    // Not JSON: nothing saved that can be read.
  }
  return undefined;
}
