import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { launch, resultsSettled } from "./browser.ts";

const site = inject("siteUrl");
let context: BrowserContext;

beforeAll(async () => {
  context = await launch();
  // Record every Content Security Policy violation the pages report.
  await context.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});
afterAll(async () => context?.close());

describe("Content Security Policy in the browser", () => {
  it("reading, theme, copying, searching and arriving from a result break no rule", async () => {
    const page = await context.newPage();
    const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    await page.goto(`${site}/sections/networking-fundamentals/#be-genuine`);
    await page.getByRole("button", { name: "Dark mode" }).click();
    await page.locator("#be-genuine").getByRole("button", { name: "Copy link" }).click();
    expect(await violations()).toEqual([]);
    await page.keyboard.press("/");
    await page.keyboard.type("follow up");
    await resultsSettled(page.locator("dialog[open]"));
    expect(await page.locator('dialog[open] [role="status"]').textContent()).toMatch(/results?\b/);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/practices\//);
    await expect.poll(() => page.locator("main mark").count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    await page.goto(`${site}/search/?q=mentor&industry=healthcare`);
    await resultsSettled(page.locator("[data-search-page]"));
    expect(await page.locator('[data-search-page] [role="status"]').textContent()).toMatch(/results?\b/);
    expect(await violations()).toEqual([]);
    // The policy is enforced, not only present: a script injected at run time is refused and reported.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.body.dataset.injected = 'yes'";
      document.body.append(script);
    });
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src-elem inline$/)]);
    expect(await page.evaluate(() => document.body.dataset["injected"])).toBeUndefined();
    await page.close();
  });
});
