/**
 * Offline reading, loaded by the header's inline script once the page has
 * loaded (never before the reader can read): registers the service worker
 * (src/sw/service-worker.ts), tells a reader with the page open that a new
 * version is available, asks the worker for the handbook's shell once the reader
 * shows they will come back (src/lib/offline/intent.ts), and runs the home
 * page's "Save for offline" control.
 */
import {
  CACHES,
  cacheFor,
  formatSize,
  parseSaved,
  SAVED_KEY,
  savedMessage,
  type SaveManifest,
  type SavedRecord,
} from "../lib/offline/save.ts";
import { storeAll } from "../lib/offline/store.ts";
import { KEEP_SHELL, nextViewCount, VIEWS_KEY, wantsShell } from "../lib/offline/intent.ts";

declare const trustedTypes:
  | {
      createPolicy(
        name: string,
        rules: { createScriptURL(url: string): string },
      ): { createScriptURL(url: string): unknown };
    }
  | undefined;

// The base path straight from Vite, not src/lib/site/href.ts: that module is a chunk shared with search, a
// request of its own.
const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
const workerUrl = `${base}sw.js`;
const sw = navigator.serviceWorker;

// Pages require Trusted Types for script URLs (src/lib/build/csp.ts): this policy lets through the worker's
// address and nothing else.
const policy =
  typeof trustedTypes === "undefined"
    ? undefined
    : trustedTypes.createPolicy("sw", {
        createScriptURL: (url) => {
          if (url !== workerUrl) throw new TypeError(`Not the handbook's service worker: ${url}`);
          return url;
        },
      });
const registration = sw.register((policy?.createScriptURL(workerUrl) ?? workerUrl) as string, { scope: base });
// Refused (private browsing, a browser that blocks workers): the page reads as it would without one.
registration.catch(() => {});

// What a page loaded before the worker controlled it (the first visit) did not pass through it: keep it
// now, the page and any search code and index it fetched, so they work offline too. They are taken from
// the browser's HTTP cache (force-cache), not downloaded a second time.
if (!sw.controller && "caches" in window)
  void sw.ready.then(() => {
    const fetched = performance.getEntriesByType("resource").map((entry) => new URL(entry.name));
    const own = fetched.filter((url) => url.origin === location.origin && cacheFor(url.href, base) !== CACHES.pages);
    return Promise.all(
      [new URL(location.href), ...own].map(async (url) => {
        const address = url.pathname + url.search;
        const response = await fetch(address, { cache: "force-cache" }).catch(() => undefined);
        if (response?.ok) await (await caches.open(cacheFor(url.href, base))).put(address, response);
      }),
    );
  });

/** Asks the worker for the shell (it fetches only what it does not have). */
const keepShell = () => void sw.ready.then((r) => r.active?.postMessage({ type: KEEP_SHELL })).catch(() => {});
const saveData = () => !!(navigator as { connection?: { saveData?: boolean } }).connection?.saveData;
const views = nextViewCount(localStorage.getItem(VIEWS_KEY));
localStorage.setItem(VIEWS_KEY, String(views));
const standalone = matchMedia("(display-mode: standalone)").matches;
if (wantsShell({ views, installed: standalone, saveData: saveData() })) keepShell();
addEventListener("appinstalled", () => wantsShell({ views, installed: true, saveData: saveData() }) && keepShell());

// Browsers look for a new worker on each navigation. A reader who keeps one page open, as at an event,
// is checked for when they come back to the tab, when the connection returns, and hourly.
const check = () => void registration.then((r) => r.update()).catch(() => {});
addEventListener("online", check);
document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && check());
setInterval(check, 60 * 60 * 1000);

// The first worker taking control of a first visit is no news; a later one is a new build.
let controlled = !!sw.controller;
sw.addEventListener("controllerchange", () => {
  if (controlled) showNewVersion();
  controlled = true;
});

/**
 * A polite status with a Reload button, right after the header so the keyboard reaches it early,
 * shown over the bottom of the screen. Only classes the site already uses, so no page's CSS grows.
 */
function showNewVersion() {
  if (document.querySelector("[data-new-version]")) return;
  const box = document.createElement("div");
  box.setAttribute("data-new-version", "");
  box.setAttribute("role", "status");
  box.className =
    "fixed inset-x-0 bottom-4 z-30 mx-auto flex w-fit items-center gap-2 rounded-md bg-ink px-4 py-2 text-sm text-paper";
  document.querySelector("header")!.after(box);
  // Filled once it is in the page: a live region announces changes, not its first content.
  setTimeout(() => {
    const text = document.createElement("span");
    text.textContent = "A new version is available.";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.className = "font-semibold underline";
    reload.textContent = "Reload";
    reload.addEventListener("click", () => location.reload());
    box.append(text, reload);
  }, 100);
}

/** How many files a save fetches at once: enough to fill a slow link, few enough not to starve the page. */
const PARALLEL = 6;

const control = document.querySelector<HTMLElement>("[data-save-offline]");
if (control && "caches" in window) {
  const button = control.querySelector<HTMLButtonElement>("button")!;
  const progress = control.querySelector("progress")!;
  const count = control.querySelector<HTMLElement>("[data-save-count]")!;
  const status = control.querySelector<HTMLElement>('[role="status"]')!;
  const saved = parseSaved(localStorage.getItem(SAVED_KEY));
  if (saved) {
    status.textContent = savedMessage(saved);
    button.textContent = "Save again";
  }
  control.hidden = false;
  // A link to #save (from the menu or the offline page) arrived before the control was shown: take the reader to it now.
  if (location.hash === `#${control.id}`) control.scrollIntoView();
  // What a save costs, stated before the reader starts one: the save manifest (3 KB) is fetched when the
  // control comes near the screen, not on every visit to the home page.
  new IntersectionObserver(
    (entries, observer) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      fetch(`${base}offline.json`)
        .then((response) => response.json() as Promise<SaveManifest>)
        .then((manifest) => (count.textContent ||= `${manifest.pages} pages and search, ${formatSize(manifest.bytes)}`))
        .catch(() => {});
    },
    { rootMargin: "50% 0px" },
  ).observe(control);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      status.textContent = "Checking the size…";
      const response = await fetch(`${base}offline.json`, { cache: "no-cache" });
      if (!response.ok) throw new Error(String(response.status));
      const manifest = (await response.json()) as SaveManifest;
      status.textContent = `Saving ${manifest.pages} pages and search, ${formatSize(manifest.bytes)}…`;
      const failed = await download(manifest, (done) => {
        progress.value = done;
        count.textContent = `${done} of ${manifest.urls.length} files`;
      });
      if (failed.length) {
        status.textContent = `${failed.length} of ${manifest.urls.length} files could not be saved. Try again when the connection is better.`;
        return;
      }
      const record: SavedRecord = {
        at: new Date().toISOString(),
        pages: manifest.pages,
        bytes: manifest.bytes,
        version: manifest.version,
      };
      localStorage.setItem(SAVED_KEY, JSON.stringify(record));
      // The 404 page and the save manifest, which a save does not fetch; the pages are there already.
      keepShell();
      status.textContent = savedMessage(record);
      button.textContent = "Save again";
    } catch {
      status.textContent = "Saving needs a connection. Try again when you are online.";
    } finally {
      button.disabled = false;
    }
  });

  /** Fetches every address of the manifest into the worker's caches; returns those that failed. */
  function download(manifest: SaveManifest, onProgress: (done: number) => void): Promise<string[]> {
    progress.max = manifest.urls.length;
    progress.value = 0;
    progress.hidden = false;
    return storeAll(manifest.urls, {
      parallel: PARALLEL,
      cacheOf: (url) => cacheFor(url, base),
      init: { cache: "no-cache" },
      onEach: onProgress,
    });
  }
}
