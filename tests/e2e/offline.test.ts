import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { AXE_TAGS, launch } from "./browser.ts";
import { serveStatic } from "../support/preview.ts";
import { BASE_PATH } from "./global-setup.ts";

/** Every test runs on the site as built for the root, and as built for hosting under a base path. */
const SITES = [
  { name: "at the root", site: inject("siteUrl"), dir: resolve("dist"), base: "" },
  { name: `under SITE_BASE=${BASE_PATH}`, site: inject("baseSiteUrl"), dir: inject("baseSiteDir"), base: BASE_PATH },
];
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** Opens `url` in a fresh browser and waits until the service worker controls the page. */
async function openControlled(url: string): Promise<Page> {
  context = await launch({ serviceWorkers: "allow" });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  return page;
}

/** True once the worker's page cache holds `path` (the page the reader opened first is added after control). */
const pageCached = (page: Page, path: string) =>
  page.evaluate(async (p) => !!(await (await caches.open("nbp-pages")).match(p, { ignoreSearch: true })), path);

const heading = async (page: Page) => (await page.locator("h1").textContent())?.trim();

/** The addresses in the worker's page cache. */
const keptPages = (page: Page) =>
  page.evaluate(async () => (await (await caches.open("nbp-pages")).keys()).map((r) => new URL(r.url).pathname).sort());

describe.each(SITES)("$name", ({ site, dir, base }) => {
  describe("offline after one visit", () => {
    it("a first visit keeps that page and the offline page only: offline, the page opens, any other shows the offline page", async () => {
      const page = await openControlled(`${site}/practices/elevator-pitch/`);
      const path = new URL(page.url()).pathname;
      await expect.poll(() => pageCached(page, path)).toBe(true);
      // Nothing of the shell: a teammate who follows one link pays for that page.
      expect(await keptPages(page)).toEqual([`${base}/offline/`, path].sort());
      await context!.setOffline(true);
      await page.goto(`${site}/practices/elevator-pitch/`);
      expect(await heading(page)).toBe("Elevator Pitch");
      for (const other of ["/practices/crm-systems/", "/"]) {
        await page.goto(`${site}${other}`);
        expect(await heading(page), other).toBe("You are offline");
      }
      expect(await page.locator("main a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual(
        expect.arrayContaining([`${base}/`, `${base}/practices/`, `${base}/search/`]),
      );
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.reload();
        expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
      }
    });

    it("after a second page view the home, sections, A–Z, search and offline pages open offline", async () => {
      const page = await openControlled(`${site}/practices/elevator-pitch/`);
      await page.goto(`${site}/practices/crm-systems/`);
      await expect.poll(() => pageCached(page, `${base}/offline.json`), { timeout: 30_000 }).toBe(true);
      await context!.setOffline(true);
      for (const [path, title] of [
        ["/", "Networking Best Practices"],
        ["/sections/relationship-building/", "Relationship Building"],
        ["/practices/", "All practices A–Z"],
        ["/search/", "Search"],
        ["/offline/", "You are offline"],
        ["/practices/crm-systems/", "CRM Systems"],
        ["/practices/storytelling/", "You are offline"],
      ]) {
        await page.goto(`${site}${path}`);
        expect(await heading(page), path).toContain(title);
      }
    });

    it("with Save-Data on, a second page view fetches nothing for later; installing the app does", async () => {
      context = await launch({ serviceWorkers: "allow" });
      await context.addInitScript(() =>
        Object.defineProperty(Object.getPrototypeOf((navigator as { connection?: object }).connection), "saveData", {
          get: () => true,
        }),
      );
      const page = await context.newPage();
      await page.goto(`${site}/practices/elevator-pitch/`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
      await page.goto(`${site}/practices/crm-systems/`);
      await expect.poll(() => page.evaluate(() => localStorage.getItem("nbp:views:v1"))).toBe("2");
      // Time the shell would take to arrive (it does in the test above within a few seconds).
      await page.waitForTimeout(4000);
      expect(await keptPages(page)).not.toContain(`${base}/offline.json`);
      await context.close();
      // A first visit, then the app is installed: the reader will come back.
      const installed = await openControlled(`${site}/practices/elevator-pitch/`);
      await installed.evaluate(() => dispatchEvent(new Event("appinstalled")));
      await expect.poll(() => pageCached(installed, `${base}/offline.json`), { timeout: 30_000 }).toBe(true);
    });

    it("searches the whole handbook offline after one search online", async () => {
      const page = await openControlled(`${site}/practices/elevator-pitch/`);
      await page.goto(`${site}/search/?q=elevator+pitch`);
      const results = page.locator('[data-search-page] ol[aria-label="Results"] a');
      await expect.poll(() => results.count()).toBeGreaterThan(0);
      // The rest of the search follows in the background: every index chunk, filter and result fragment.
      const wanted = await page.evaluate(async (b) => {
        const manifest = (await (await fetch(`${b}/offline.json`)).json()) as { urls: string[] };
        return manifest.urls.filter((u) => /\/pagefind\/(index|filter|fragment)\//.test(u)).length;
      }, base);
      const kept = () =>
        page.evaluate(
          async () =>
            (await (await caches.open("nbp-search")).keys()).filter((r) =>
              /\/pagefind\/(index|filter|fragment)\//.test(r.url),
            ).length,
        );
      await expect.poll(kept, { timeout: 30_000 }).toBe(wanted);
      await context!.setOffline(true);
      await page.goto(`${site}/search/?q=elevator+pitch`);
      await expect.poll(() => results.first().textContent()).toBe("Elevator Pitch");
      // A word never searched for online, whose index chunk and results were fetched in the background.
      await page.goto(`${site}/search/?q=storytelling`);
      await expect.poll(() => results.count()).toBeGreaterThan(0);
      expect(await results.allTextContents()).toContain("Storytelling");
    });

    it("Save for offline stores every page, says when, and a page never opened then opens offline", async () => {
      const page = await openControlled(`${site}/practices/elevator-pitch/`);
      // The header menu leads to the control, which states the size before anything is downloaded.
      await page.locator("[data-menu] summary").click();
      await page.getByRole("link", { name: "Save for offline" }).click();
      await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).hash).toBe(`${base}/#save`);
      const control = page.locator("[data-save-offline]");
      await expect.poll(() => control.isVisible()).toBe(true);
      await expect
        .poll(() => control.locator("[data-save-count]").textContent())
        .toMatch(/^\d+ pages and search, [\d.]+ MB$/);
      expect(
        await page.evaluate(async () => (await caches.open("nbp-pages")).keys().then((k) => k.length)),
      ).toBeLessThan(30);
      await control.locator("button").click();
      await expect
        .poll(() => control.locator('[role="status"]').textContent(), { timeout: 60_000 })
        .toMatch(/^Saved \d{1,2} \w{3} \d{4} · \d+ pages · [\d.]+ MB$/);
      expect(await control.locator("progress").evaluate((p: HTMLProgressElement) => p.value === p.max)).toBe(true);
      await context!.setOffline(true);
      await page.goto(`${site}/practices/crm-systems/`);
      expect(await heading(page)).toBe("CRM Systems");
      await page.goto(`${site}/`);
      await expect.poll(() => control.locator('[role="status"]').textContent()).toMatch(/^Saved /);
    });
  });

  describe("the installable app", () => {
    it("has a manifest and icons Chromium accepts, with no installability errors", async () => {
      const page = await openControlled(`${site}/`);
      const cdp = await context!.newCDPSession(page);
      const manifest = await cdp.send("Page.getAppManifest");
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toBe(`${new URL(site).origin}${base}/manifest.webmanifest`);
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      expect(installabilityErrors).toEqual([]);
      const parsed = JSON.parse(manifest.data ?? "{}") as { start_url: string; icons: { src: string }[] };
      expect(parsed.start_url).toBe(`${base}/`);
      for (const icon of parsed.icons) {
        const response = await page.request.get(new URL(icon.src, site).href);
        expect(response.status(), icon.src).toBe(200);
      }
    });
  });

  describe("a new build", () => {
    it("is read on the next navigation, and a reader with a page open is told and reloads into it", async () => {
      const folder = mkdtempSync(join(tmpdir(), "handbook-offline-"));
      cpSync(dir, folder, { recursive: true });
      const served = await serveStatic(folder, base || undefined);
      try {
        const page = await openControlled(`${served.url}/practices/elevator-pitch/`);
        const file = join(folder, "practices/elevator-pitch/index.html");
        writeFileSync(
          file,
          readFileSync(file, "utf8").replace(">Elevator Pitch</h1>", ">Elevator Pitch, revised</h1>"),
        );
        // Network first: no stale page online, even before the new worker.
        await page.goto(`${served.url}/`);
        await page.goto(`${served.url}/practices/elevator-pitch/`);
        expect(await heading(page)).toBe("Elevator Pitch, revised");
        writeFileSync(join(folder, "sw.js"), `${readFileSync(join(folder, "sw.js"), "utf8")}\n// a new build\n`);
        writeFileSync(
          file,
          readFileSync(file, "utf8").replace("Elevator Pitch, revised</h1>", "Elevator Pitch, again</h1>"),
        );
        // The connection comes back: the page looks for a new worker.
        await context!.setOffline(true);
        await context!.setOffline(false);
        const notice = page.locator("[data-new-version]");
        await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toBe("A new version is available.Reload");
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          const { violations } = await new AxeBuilder({ page })
            .withTags(AXE_TAGS)
            .include("[data-new-version]")
            .analyze();
          expect(violations.map((v) => v.id)).toEqual([]);
        }
        await notice.getByRole("button", { name: "Reload" }).click();
        await expect.poll(() => heading(page)).toBe("Elevator Pitch, again");
      } finally {
        await served.server.stop();
      }
    });
  });
});
