/**
 * Fetches a list of the site's addresses into Cache Storage, a few at a time.
 * Shared by "Save for offline" (src/scripts/offline.ts, on the page) and the
 * worker keeping the whole search after a first one (src/sw/service-worker.ts).
 */
export interface StoreOptions {
  /** How many fetches run at once. */
  parallel: number;
  /** The cache an address belongs in (`cacheFor`). */
  cacheOf: (url: string) => string;
  /** Leave an address alone when its cache already has it. */
  skipStored?: boolean;
  /** Passed to fetch, e.g. `{ cache: "no-cache" }` so no stale HTTP-cached copy is stored. */
  init?: RequestInit;
  /** Called after each address, stored or not, with how many are done. */
  onEach?: (done: number) => void;
}

/** Stores every address; returns those that could not be fetched (offline, or an error status). */
export async function storeAll(urls: readonly string[], options: StoreOptions): Promise<string[]> {
  const queue = [...urls];
  const failed: string[] = [];
  let done = 0;
  const next = async (): Promise<void> => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      try {
        const cache = await caches.open(options.cacheOf(url));
        if (!(options.skipStored && (await cache.match(url, { ignoreVary: true })))) {
          const response = await fetch(url, options.init);
          if (!response.ok) throw new Error(String(response.status));
          await cache.put(url, response);
        }
      } catch {
        failed.push(url);
      }
      options.onEach?.(++done);
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, next));
  return failed;
}
