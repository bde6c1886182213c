import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { AXE_TAGS, launch, resultsSettled } from "./browser.ts";

const site = inject("siteUrl");
const PAGES = {
  home: "/",
  section: "/sections/offline-networking-strategies/",
  practice: "/practices/follow-up-event-networking/",
  // Sources, a review date, a list in a part and a before-and-after message.
  "practice with sources": "/practices/personalized-connections/",
  industry: "/industries/healthcare/",
  "A–Z": "/practices/",
  changes: "/changes/",
  "changes in one month": "/changes/2026-11/",
  sources: "/sources/",
  "404": "/no-such-page/",
  // Results with their "Add to list" buttons (WCAG 2.5.3: the visible label is part of the name).
  "search results": "/search/?q=mentor",
  lists: "/lists/?p=elevator-pitch,arrive-early&title=Before+the+event",
  progress: "/progress/",
  offline: "/offline/",
};

/** axe's violations on the page as it is now, one line each: empty when it passes. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
}

describe.each(["light", "dark"] as const)("axe, %s theme", (theme) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch({ colorScheme: theme });
  });
  afterAll(async () => context?.close());

  it.each(Object.entries(PAGES))("%s page has zero violations", async (_, path) => {
    const page = await context.newPage();
    await page.goto(`${site}${path}`);
    if (path.startsWith("/search/")) await resultsSettled(page.locator("[data-search-page]"));
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(theme === "dark");
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it("a phone's open menu and an open introduction have zero violations", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site}${PAGES.section}`);
    await page.locator("main details summary").click();
    await page.locator("details[data-menu] summary").click();
    await page.waitForSelector("details[data-menu][open] a");
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
