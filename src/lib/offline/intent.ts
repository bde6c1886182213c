/**
 * When the reader has shown they will come back, and the worker may fetch the
 * handbook's shell (the home, sections, A–Z, search, 404 and offline pages)
 * for offline reading. A first visit fetches only the page and what it needs:
 * a teammate following one link on a metered plan pays for that page alone.
 */

/** Page views in this browser, beside the handbook's other keys (src/lib/offline/save.ts). */
export const VIEWS_KEY = "nbp:views:v1";

/** The message a page sends the worker to keep the shell (src/sw/service-worker.ts). */
export const KEEP_SHELL = "keep-shell";

/** The count after one more page view: anything stored that is not a count starts again at one. */
export function nextViewCount(stored: string | null): number {
  const views = Number(stored);
  return Number.isSafeInteger(views) && views > 0 ? views + 1 : 1;
}

/** What the page knows about the reader and the connection. */
export interface Signals {
  /** Page views in this browser, this one included (any session). */
  views: number;
  /** The handbook runs as an installed app (`display-mode: standalone`), or was just installed (`appinstalled`). */
  installed: boolean;
  /**
   * The reader asked to save data (`navigator.connection.saveData`: the Save-Data setting, which
   * Chromium on Android takes from the system's Data Saver). No browser reports a metered connection
   * (the Network Information API has no `metered`; `type: "cellular"` is often an unlimited plan and
   * a phone's hotspot reports `wifi`), so this is the one signal of a costly connection honoured.
   */
  saveData: boolean;
}

/**
 * A second page view (in any session) or the installed app: the reader will come back, so the
 * shell is worth its 200 KiB. Save-Data defers it until the reader asks ("Save for offline").
 */
export function wantsShell({ views, installed, saveData }: Signals): boolean {
  return !saveData && (views >= 2 || installed);
}
