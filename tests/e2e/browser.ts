import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

/** Debian's Chromium; never a downloaded browser. */
const EXECUTABLE = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * The axe rules every accessibility check runs: every WCAG 2.x A and AA rule axe has, its best
 * practices, and its experimental rules (such as label-content-name-mismatch, WCAG 2.5.3 Label in
 * Name), which axe leaves out unless asked.
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice", "experimental"];

/** A fresh Chromium profile: no saved theme, no cache, clipboard allowed; `touch` makes it a phone's touch screen. */
export async function launch(
  options: {
    colorScheme?: "light" | "dark";
    width?: number;
    javaScript?: boolean;
    touch?: boolean;
    reducedMotion?: "reduce" | "no-preference";
    /** Service workers are blocked unless a test is about them: page.route() does not see what a worker answers. */
    serviceWorkers?: "allow" | "block";
  } = {},
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "handbook-chromium-")), {
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.colorScheme ?? "light",
    javaScriptEnabled: options.javaScript ?? true,
    reducedMotion: options.reducedMotion ?? "reduce",
    serviceWorkers: options.serviceWorkers ?? "block",
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  return context;
}

/** Presses Tab until the focused element matches `predicate`, failing after `limit` presses. */
export async function tabTo(page: Page, describe: string, predicate: string, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    // The predicate runs in the page against document.activeElement.
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${predicate}); })()`))
      return presses;
  }
  throw new Error(`keyboard: ${describe} was not reached within ${limit} Tab presses`);
}

/** One browser and page shared by the tests of a file, opened before them and closed after. */
export function sharedPage(): { readonly page: Page } {
  const shared = {} as { page: Page; context: BrowserContext };
  beforeAll(async () => {
    shared.context = await launch();
    shared.page = await shared.context.newPage();
  });
  afterAll(async () => shared.context?.close());
  return shared;
}

/** Waits until the search in `scope` has settled: results are refined in steps (instant, first, all) and aria-busy clears after the last. */
export async function resultsSettled(scope: Locator): Promise<void> {
  await expect.poll(() => scope.locator('ol[aria-label="Results"]').getAttribute("aria-busy")).toBe("false");
}
