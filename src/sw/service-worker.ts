/**
 * The handbook's service worker, bundled by scripts/build-worker.ts after the
 * site and its search index are built, which fills in the shell's addresses.
 *
 * Online, a page always comes from the network (a new build is read on the
 * next navigation); the caches answer only when the network fails or takes
 * longer than NETWORK_TIMEOUT. Installing costs one small file, the offline
 * page: a first visit fetches nothing else for later. The shell (home,
 * sections, A–Z, search, 404 and offline pages, and the save manifest) is
 * fetched when a page says the reader will come back (src/lib/offline/intent.ts).
 *
 * Hand-written rather than Workbox: the routes below need two strategies, and
 * Workbox's runtime for them (about 5.5 KB gzip) was a quarter of what a
 * teammate's whole first visit may cost (src/lib/budgets/first-visit.ts).
 */
import { KEEP_SHELL } from "../lib/offline/intent.ts";
import { CACHES, type SaveManifest } from "../lib/offline/save.ts";
import { storeAll } from "../lib/offline/store.ts";

/** The shell's addresses, base path included, the save manifest last (shellUrls, src/lib/offline/save.ts). */
declare const __SHELL__: string[];
/** The build's version (src/lib/build/version.ts), as its save manifest states it: each build gives the worker new bytes. */
declare const __VERSION__: string;

type Extendable = Event & { waitUntil(p: Promise<unknown>): void };
/** Just the parts of the worker's global scope used here: the project's types are the page's (DOM). */
interface WorkerScope {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  navigator: Navigator & { connection?: { saveData?: boolean } };
  skipWaiting(): Promise<void>;
  setTimeout(handler: () => void, ms: number): number;
  addEventListener(type: "install" | "activate", listener: (event: Extendable) => void): void;
  addEventListener(type: "message", listener: (event: Extendable & { data: unknown }) => void): void;
  addEventListener(
    type: "fetch",
    listener: (event: Extendable & { request: Request; respondWith(r: Promise<Response>): void }) => void,
  ): void;
}
declare const self: WorkerScope;

/** Milliseconds a request waits for the network before a saved copy answers: poor event Wi-Fi hangs more than it fails. */
const NETWORK_TIMEOUT = 3000;

const base = new URL(self.registration.scope).pathname;
const offlinePage = `${base}offline/`;
const manifestUrl = `${base}offline.json`;
const inScope = (url: URL) => url.origin === location.origin && url.pathname.startsWith(base);
const saveData = () => !!self.navigator.connection?.saveData;

/** The network's answer, kept in `cacheName` when it is a whole response of this site. */
async function fetchAndKeep(request: Request, cacheName: string): Promise<Response> {
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await (await caches.open(cacheName)).put(request, response.clone());
  return response;
}

/**
 * Network first: the network's answer if it comes within NETWORK_TIMEOUT, else the cached copy, else
 * whatever the network gives in the end. A late answer still refreshes the cache.
 */
async function networkFirst(event: Extendable, request: Request, cacheName: string, options?: CacheQueryOptions) {
  const network = fetchAndKeep(request, cacheName);
  event.waitUntil(network.catch(() => {}));
  const cached = () => caches.open(cacheName).then((cache) => cache.match(request, options));
  let timer: number | undefined;
  const slow = new Promise<undefined>(
    (resolve) => (timer = self.setTimeout(() => resolve(undefined), NETWORK_TIMEOUT)),
  );
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return (await cached()) ?? (await network);
  } catch {
    const copy = await cached();
    if (copy) return copy;
    throw new Error(`${request.url}: offline and not saved`);
  } finally {
    clearTimeout(timer);
  }
}

/** Cache first, for addresses whose content never changes (content-hashed files). */
async function cacheFirst(request: Request, cacheName: string): Promise<Response> {
  const cached = await (await caches.open(cacheName)).match(request, { ignoreVary: true });
  return cached ?? fetchAndKeep(request, cacheName);
}

/** A page: from the network, else the page as kept, else the offline page. */
async function page(event: Extendable, request: Request): Promise<Response> {
  try {
    // A link with ?highlight= (from a search result) opens the kept page too.
    return await networkFirst(event, request, CACHES.pages, { ignoreSearch: true });
  } catch {
    return (await caches.match(offlinePage, { cacheName: CACHES.pages })) ?? Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || !inScope(url)) return;
  const path = url.pathname;
  if (request.mode === "navigate") return event.respondWith(page(event, request));
  if (path.startsWith(`${base}pagefind/`)) {
    // Its engine (pagefind.js, the WebAssembly) keeps its name across builds: network first.
    if (/\/(pagefind\.js|wasm\.[^/]+)$/.test(path))
      return event.respondWith(networkFirst(event, request, CACHES.search, { ignoreVary: true }));
    // Index chunks are named by their content, and the entry file is asked for with the build's version
    // (`?ts=`, metaCacheTag): an address never changes meaning, so the cache answers first. The reader is
    // searching: keep the rest of the search (keepSearch, below) in the background.
    if (path.startsWith(`${base}pagefind/index/`)) event.waitUntil(keepSearch());
    return event.respondWith(cacheFirst(request, CACHES.search));
  }
  // Scripts and styles are content-hashed; the search markup keeps its name.
  if (path.startsWith(`${base}_astro/`)) return event.respondWith(cacheFirst(request, CACHES.assets));
  if (path === `${base}search/ui.json`) return event.respondWith(networkFirst(event, request, CACHES.assets));
});

/** The save manifest the shell brought (every address of the build), or undefined before the shell. */
const keptManifest = async (): Promise<SaveManifest | undefined> =>
  (await caches.match(manifestUrl, { cacheName: CACHES.pages }))?.json() as Promise<SaveManifest | undefined>;

/** How many files are fetched at once in the background: few, so the reader's own requests go first. */
const BACKGROUND_PARALLEL = 2;
let shellKept: Promise<void> | undefined;

/**
 * The shell, once per worker: `fresh` (a new build) fetches every file again, otherwise only what is
 * missing. A new shell's manifest then drops from the caches what this build no longer publishes.
 */
const keepShell = (fresh: boolean) =>
  (shellKept ??= (async () => {
    const failed = await storeAll(__SHELL__, {
      parallel: BACKGROUND_PARALLEL,
      cacheOf: () => CACHES.pages,
      skipStored: !fresh,
      init: { cache: "no-cache" },
    });
    if (failed.length) throw new Error(`${failed.length} files of the shell not kept`);
    if (fresh) await prune();
  })().catch(() => {
    // Offline or interrupted: the next page view asks again.
    shellKept = undefined;
  }));

let searchKept: Promise<void> | undefined;

/**
 * The first time the reader searches (the engine asks for an index chunk), the rest of the search is
 * fetched in the background, once per worker: every index chunk, filter and result fragment of the
 * build, listed in the save manifest (about 430 KB for 166 practices, already compressed by Pagefind).
 * After one search online, a search for any other word works offline too. Not with Save-Data on.
 */
const keepSearch = () =>
  saveData()
    ? Promise.resolve()
    : (searchKept ??= (async () => {
        if (!(await keptManifest())) await storeAll([manifestUrl], { parallel: 1, cacheOf: () => CACHES.pages });
        const search = ((await keptManifest())?.urls ?? []).filter((u) =>
          /\/pagefind\/(index|filter|fragment)\//.test(u),
        );
        const failed = await storeAll(search, {
          parallel: BACKGROUND_PARALLEL,
          cacheOf: () => CACHES.search,
          skipStored: true,
        });
        if (failed.length) throw new Error(`${failed.length} search files not kept`);
      })().catch(() => {
        // Offline or interrupted: try again on the next search.
        searchKept = undefined;
      }));

/**
 * What the build no longer publishes leaves the caches: pages removed, old index chunks and scripts,
 * the entry file of other versions. The build's list of files is the save manifest just kept.
 */
async function prune(): Promise<void> {
  const manifest = await keptManifest();
  if (!manifest) return;
  const keep = new Set([...manifest.urls, ...__SHELL__]);
  for (const name of Object.values(CACHES)) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      const address = url.pathname.endsWith("pagefind-entry.json") ? url.pathname + url.search : url.pathname;
      if (!keep.has(address) && !keep.has(url.pathname)) await cache.delete(request);
    }
  }
}

// Installing keeps only the offline page, for an address neither kept nor reachable.
self.addEventListener("install", (event) => {
  event.waitUntil(
    storeAll([offlinePage], { parallel: 1, cacheOf: () => CACHES.pages, init: { cache: "no-cache" } }).then(
      (failed) => {
        if (failed.length) throw new Error("the offline page could not be kept");
      },
    ),
  );
  // A new version takes over at once; the reader is told (src/scripts/offline.ts).
  void self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Caches of earlier versions of this worker (Workbox's precache) go.
      const ours = new Set<string>(Object.values(CACHES));
      for (const name of await caches.keys()) if (!ours.has(name)) await caches.delete(name);
      await self.clients.claim();
      // A reader who kept an earlier build's shell gets this build's, as they would have had it from the network.
      const kept = await keptManifest();
      if (kept && kept.version !== __VERSION__ && !saveData()) event.waitUntil(keepShell(true));
    })(),
  );
});

self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === KEEP_SHELL) event.waitUntil(keepShell(false));
});
