import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launch, resultsSettled } from "./browser.ts";
import { HOSTILE_TITLES } from "./global-setup.ts";

const site = inject("siteUrl");
const hostileSite = inject("hostileSiteUrl");
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

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** A page that records the dialogs (`alert`) anything on it opens. */
async function open(url: string): Promise<{ page: Page; alerts: string[] }> {
  const page = await context.newPage();
  const alerts: string[] = [];
  page.on("dialog", (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, alerts };
}

/** Opens the search dialog with `/`, types `query` and waits for the full-text results. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.keyboard.press("/");
  await page.keyboard.type(query);
  await resultsSettled(page.locator("dialog[open]"));
  expect(await page.locator('dialog[open] [role="status"]').textContent()).toMatch(
    /^\d+ (practice|section|industry page|other page|result)s?\b/,
  );
}

describe("Content Security Policy in the browser", () => {
  it("reading, theme, copying, searching and arriving from a result break no rule", async () => {
    const { page } = await open(`${site}/sections/networking-fundamentals/#be-genuine`);
    await page.getByRole("button", { name: "Theme: system" }).click();
    await page.locator("#be-genuine").getByRole("button", { name: "Copy link" }).click();
    expect(await violations(page)).toEqual([]);
    await searchFor(page, "follow up");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/practices\//);
    await expect.poll(() => page.locator("main mark").count()).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    await page.goto(`${site}/search/?q=mentor&industry=healthcare`);
    await resultsSettled(page.locator("[data-search-page]"));
    expect(await page.locator('[data-search-page] [role="status"]').textContent()).toMatch(
      /^\d+ (practice|section|industry page|other page|result)s?\b/,
    );
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it("every kind of page, with the search dialog open and a search made, breaks no rule", async () => {
    for (const path of [
      "/",
      "/no-such-page/",
      "/industries/finance/",
      "/practices/elevator-pitch/",
      "/practices/",
      "/sections/networking-fundamentals/",
    ]) {
      const { page } = await open(`${site}${path}`);
      await searchFor(page, "member");
      expect({ path, violations: await violations(page) }).toEqual({ path, violations: [] });
      await page.close();
    }
  });

  it("is enforced, not only present: a script injected at run time is refused and reported", async () => {
    const { page } = await open(`${site}/practices/elevator-pitch/`);
    // Trusted Types: a plain string cannot become a script's text.
    await page.evaluate(() => {
      const script = document.createElement("script");
      try {
        script.textContent = "document.body.dataset.injected = 'yes'";
      } catch {
        return;
      }
      document.body.append(script);
    });
    await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^require-trusted-types-for /)]);
    // Past Trusted Types (the one policy name allowed, taken before search could), the hashes still refuse it.
    await page.evaluate(() => {
      const types = (window as unknown as Record<string, { createPolicy: Function }>)["trustedTypes"]!;
      const policy = types.createPolicy("search-ui", { createScript: (text: string) => text });
      const script = document.createElement("script");
      script.text = policy.createScript("document.body.dataset.injected = 'yes'");
      document.body.append(script);
    });
    await expect.poll(() => violations(page)).toHaveLength(2);
    expect((await violations(page))[1]).toMatch(/^script-src-elem inline$/);
    expect(await page.evaluate(() => document.body.dataset["injected"])).toBeUndefined();
    await page.close();
  });
});

describe("a practice title that holds markup", () => {
  it.each(HOSTILE_TITLES)("$to: shown as text, the page's own scripts run and nothing else", async ({ id, to }) => {
    const { page, alerts } = await open(`${hostileSite}/practices/${id}/`);
    expect(await page.title()).toBe(`${to} · Networking Best Practices`);
    expect(await page.locator("h1").textContent()).toBe(to);
    // The policy lists exactly the inline scripts Chromium's own parser found on the page.
    const { policy, scripts } = await page.evaluate(() => ({
      policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")!,
      scripts: [...document.scripts].filter((s) => !s.src).map((s) => s.text),
    }));
    const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src "))!;
    const hashes = scriptSrc.match(/'sha256-[^']+'/g)!;
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(new Set(hashes)).toEqual(new Set(scripts.map(hash)));
    expect(hashes).not.toContain(hash("alert(1)"));
    // The theme script runs: a reader who chose dark mode keeps it on the next load.
    const dark = () => page.evaluate(() => document.documentElement.classList.contains("dark"));
    for (let presses = 0; !(await dark()) && presses < 3; presses++) await page.locator("[data-theme-toggle]").click();
    await page.reload();
    expect(await dark()).toBe(true);
    await page.locator("[data-theme-toggle]").click();
    await searchFor(page, to.split(" ")[0]!);
    expect(await page.locator("dialog[open]").getByText(to, { exact: true }).count()).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    expect(alerts).toEqual([]);
    await page.close();
  });
});
