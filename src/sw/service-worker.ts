/**
 * The handbook's service worker, bundled by scripts/build-worker.ts after the
 * site and its search index are built; Workbox fills in `self.__WB_MANIFEST`.
 *
 * Online, a page always comes from the network (a new build is read on the
 * next navigation); the caches answer only when the network fails or takes
 * longer than NETWORK_TIMEOUT. The precache holds the few pages every reader
 * may need offline (home, sections, A–Z, 404, the offline page).
 */
import { cleanupOutdatedCaches, matchPrecache, precache, type PrecacheEntry } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import { clientsClaim } from "workbox-core";
import { CACHES, type SaveManifest } from "../lib/offline/save.ts";
import { storeAll } from "../lib/offline/store.ts";

/** Just the parts of the worker's global scope used here: the project's types are the page's (DOM). */
interface WorkerScope {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: "activate", listener: (event: Event & { waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(
    type: "fetch",
    listener: (event: Event & { request: Request; waitUntil(p: Promise<unknown>): void }) => void,
  ): void;
}
declare const self: WorkerScope;

/** Seconds a navigation waits for the network before a saved copy answers: poor event Wi-Fi hangs more than it fails. */
const NETWORK_TIMEOUT = 3;

const base = new URL(self.registration.scope).pathname;
const inScope = (url: URL) => url.origin === location.origin && url.pathname.startsWith(base);

// Precached under their file names (directoryIndex off, see build-worker.ts), so no route serves them
// cache-first: they are only the fallback below.
precache(self.__WB_MANIFEST);
// A new version takes over at once and drops the previous precache; the reader is told (src/scripts/offline.ts).
cleanupOutdatedCaches();
void self.skipWaiting();
clientsClaim();

/** A page's file in the precache: `/sections/x/` is stored as `/sections/x/index.html`. */
const precached = (url: URL) => matchPrecache(url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname);

const pages = new NetworkFirst({
  cacheName: CACHES.pages,
  networkTimeoutSeconds: NETWORK_TIMEOUT,
  // A link with ?highlight= (from a search result) opens the saved page too.
  matchOptions: { ignoreSearch: true },
});
registerRoute(
  ({ request, url }) => request.mode === "navigate" && inScope(url),
  async (options) => {
    const url = options.url;
    try {
      const response = await pages.handle(options);
      if (response) return response;
    } catch {
      // Offline and not in the pages cache: the precache, then the offline page.
    }
    return (await precached(url)) ?? (await matchPrecache(`${base}offline/index.html`)) ?? Response.error();
  },
);

// Pagefind's index chunks are named by their content, and its entry file is asked for with the build's
// version (`?ts=`, metaCacheTag): an address never changes meaning, so the cache answers first.
// Its engine (pagefind.js, the WebAssembly) keeps its name across builds: network first.
const searchFiles = new CacheFirst({ cacheName: CACHES.search, matchOptions: { ignoreVary: true } });
registerRoute(
  ({ url }) =>
    inScope(url) && url.pathname.startsWith(`${base}pagefind/`) && !/\/(pagefind\.js|wasm\.[^/]+)$/.test(url.pathname),
  (options) => {
    // The reader is searching: keep the rest of the search (keepSearch, below) in the background.
    if (options.url.pathname.startsWith(`${base}pagefind/index/`)) options.event.waitUntil(keepSearch());
    return searchFiles.handle(options);
  },
);
registerRoute(
  ({ url }) => inScope(url) && url.pathname.startsWith(`${base}pagefind/`),
  new NetworkFirst({
    cacheName: CACHES.search,
    networkTimeoutSeconds: NETWORK_TIMEOUT,
    matchOptions: { ignoreVary: true },
  }),
);
// Scripts and styles are content-hashed; the search markup keeps its name.
registerRoute(
  ({ url }) => inScope(url) && url.pathname.startsWith(`${base}_astro/`),
  // ignoreVary: a module script is asked for with an Origin header the saved copy was not fetched with.
  new CacheFirst({ cacheName: CACHES.assets, matchOptions: { ignoreVary: true } }),
);
registerRoute(
  ({ url }) => inScope(url) && url.pathname === `${base}search/ui.json`,
  new NetworkFirst({ cacheName: CACHES.assets, networkTimeoutSeconds: NETWORK_TIMEOUT }),
);

/** Every address of this build, from the save manifest (offline.json, precached). */
const savedUrls = async (): Promise<string[]> =>
  ((await (await matchPrecache(`${base}offline.json`))?.json()) as SaveManifest | undefined)?.urls ?? [];

/** How many of the search's files are fetched at once when it is kept whole: few, so the reader's own requests go first. */
const WARM_PARALLEL = 2;
let searchKept: Promise<void> | undefined;

/**
 * The first time the reader searches (the engine asks for an index chunk), the rest of the search is
 * fetched in the background, once per worker: every index chunk, filter and result fragment of the
 * build, listed in the precached save manifest (about 430 KB for 166 practices, already compressed by
 * Pagefind). After one search online, a search for any other word works offline too.
 */
const keepSearch = () =>
  (searchKept ??= (async () => {
    const search = (await savedUrls()).filter((u) => /\/pagefind\/(index|filter|fragment)\//.test(u));
    const failed = await storeAll(search, { parallel: WARM_PARALLEL, cacheOf: () => CACHES.search, skipStored: true });
    if (failed.length) throw new Error(`${failed.length} search files not kept`);
  })().catch(() => {
    // Offline or interrupted: try again on the next search.
    searchKept = undefined;
  }));

/**
 * On activation, what the new build no longer publishes leaves the runtime caches: pages removed,
 * old index chunks and scripts, and the entry file of other versions. The build's list of files is
 * the save manifest, precached.
 */
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set(await savedUrls());
      if (!keep.size) return;
      for (const name of Object.values(CACHES)) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const url = new URL(request.url);
          const address = url.pathname.endsWith("pagefind-entry.json") ? url.pathname + url.search : url.pathname;
          if (!keep.has(address) && !keep.has(url.pathname)) await cache.delete(request);
        }
      }
    })(),
  );
});
