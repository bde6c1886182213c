import AxeBuilder from "@axe-core/playwright";
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { AXE_TAGS, launch, resultsSettled, sharedPage } from "./browser.ts";
import { loadContent } from "../../src/lib/content/read-entries.ts";

/** The topical sections, which the no-results page offers to browse. */
const sectionCount = loadContent("content").content.sections.length;

const site = inject("siteUrl");
const shared = sharedPage();
let page: Page;
beforeEach(() => {
  page = shared.page;
});

const dialog = () => page.locator("dialog[open]");
const searchPage = () => page.locator("[data-search-page]");
const resultLinks = (scope = searchPage()) => scope.locator('ol[aria-label="Results"] a');
/** Whole results: the title link and where the practice sits, its one-liner and excerpt. */
const resultEntries = (scope = searchPage()) => scope.locator('ol[aria-label="Results"] > li');
/** The practice ids a search shows once it has settled, in order: results, or suggestions when nothing matched. */
async function shownIds(scope = searchPage()): Promise<string[]> {
  await resultsSettled(scope);
  expect(await scope.locator('[role="status"]').textContent()).toMatch(
    /^\d+ (practice|section|industry page|other page|result)|^No practices/,
  );
  const hrefs = await scope
    .locator('ol[aria-label="Results"] a, ul a[href*="/practices/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((href) => /\/practices\/([^/?#]+)/.exec(href)?.[1] ?? href);
}

describe("nothing until intent", () => {
  it("a reading page fetches no search code or index until the reader shows intent", async () => {
    const fresh = await launch();
    const p = await fresh.newPage();
    const requests: string[] = [];
    p.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await p.goto(`${site}/practices/elevator-pitch/`);
    await p.waitForLoadState("networkidle");
    expect(
      requests.filter(
        (path) =>
          path.includes("pagefind") ||
          // Offline reading's chunk and worker load after the page (src/scripts/offline.ts), and fetch no search.
          (path.startsWith("/_astro/") && !/^\/_astro\/offline\.[\w-]+\.js$/.test(path)) ||
          path.includes("search"),
      ),
    ).toEqual([]);
    await p.focus("#header-search");
    await expect.poll(() => requests.some((path) => path.startsWith("/pagefind/"))).toBe(true);
    // The search module is a chunk of Vite's build; the practice list and markup come beside it.
    expect(requests.filter((path) => /^\/_astro\/search-ui\.[\w-]+\.js$/.test(path))).toHaveLength(1);
    expect(requests).toContain("/search/ui.json");
    await fresh.close();
  });
});

describe("the search dialog", () => {
  it("opens with / and Ctrl+K, shows each result's title, section, subsection and marked excerpt", async () => {
    await page.goto(`${site}/sections/relationship-building/`);
    await page.keyboard.press("/");
    await expect.poll(() => dialog().count()).toBe(1);
    await page.keyboard.type("elevator pitch");
    await expect.poll(() => resultLinks(dialog()).count()).toBeGreaterThan(0);
    // Instant title matches may show first; the ranking is Pagefind's, once the list settles.
    await resultsSettled(dialog());
    const first = resultLinks(dialog()).first();
    expect(await first.textContent()).toBe("Elevator Pitch");
    const entry = dialog().locator('ol[aria-label="Results"] > li').first();
    expect(await entry.textContent()).toContain("Networking Skills Development › Communication Skills");
    expect(await dialog().locator('ol[aria-label="Results"] mark').count()).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog().count()).toBe(0);
    // Opened from the page itself, not a control: focus does not stay in the header field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).not.toBe("header-search");

    await page.locator("h1").click();
    await page.keyboard.press("Control+k");
    await expect.poll(() => dialog().count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    await page.keyboard.press("Escape");
  });

  it("arrow keys move through results and Enter opens one, highlighted, with a clean address", async () => {
    await page.goto(`${site}/`);
    await page.keyboard.press("/");
    await page.keyboard.type("business cards");
    await expect.poll(() => resultLinks(dialog()).count()).toBeGreaterThan(1);
    await resultsSettled(dialog());
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Business Cards");
    await page.keyboard.press("ArrowDown");
    const second = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("INPUT");
    expect(second).toMatch(/^\/practices\//);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/practices\/business-cards\/$/);
    await expect.poll(() => page.locator("main mark").count()).toBeGreaterThan(0);
    expect(await page.locator("main mark").first().textContent()).toMatch(/^business/i);
    expect(page.url()).toBe(`${site}/practices/business-cards/`);
  });

  it("keeps focus inside while open", async () => {
    await page.goto(`${site}/`);
    await page.keyboard.press("/");
    await page.keyboard.type("mentor");
    await expect.poll(() => resultLinks(dialog()).count()).toBeGreaterThan(0);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("dialog[open]") !== null)).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Shift+Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("dialog[open]") !== null)).toBe(true);
    }
    await page.keyboard.press("Escape");
  });

  it("shows a typed injection attempt as text and runs nothing", async () => {
    const alerts: string[] = [];
    page.on("dialog", (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${site}/`);
    await page.keyboard.press("/");
    const attack = "<img src=x onerror=alert(1)>";
    await page.keyboard.type(attack);
    await expect.poll(() => dialog().locator('[role="status"]').textContent()).toBeTruthy();
    await page.waitForTimeout(300);
    expect(alerts).toEqual([]);
    expect(await dialog().locator("img").count()).toBe(0);
    expect(await dialog().locator("input[type=search]").inputValue()).toBe(attack);
    await page.keyboard.press("Escape");
  });
});

describe("the shareable search page", () => {
  it("runs the search from the URL and reproduces the results", async () => {
    await page.goto(`${site}/search/?q=associations&industry=finance`);
    const ids = await shownIds();
    expect(ids.slice(0, 3)).toContain("professional-associations-finance-industry");
    expect(await searchPage().locator("input[type=search]").inputValue()).toBe("associations");
    await searchPage().getByRole("button", { name: "Filters (1 selected)" }).click();
    expect(await page.getByRole("button", { name: /^Finance \(\d+\)$/ }).getAttribute("aria-pressed")).toBe("true");
  });

  it("refines results in place: busy until settled, never shrinking to one result and back", async () => {
    const fresh = await page.context().newPage();
    // Records every rendering of the result list: how many results, and whether it was marked busy.
    await fresh.addInitScript(() => {
      const w = window as unknown as { __lists: string[] };
      w.__lists = [];
      new MutationObserver(() => {
        const list = document.querySelector('[data-search-page] ol[aria-label="Results"]');
        const now = list ? `${list.children.length}:${list.getAttribute("aria-busy")}` : "";
        if (list && w.__lists.at(-1) !== now) w.__lists.push(now);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await fresh.goto(`${site}/search/?q=mentorshp`);
    await resultsSettled(fresh.locator("[data-search-page]"));
    const lists = (await fresh.evaluate("window.__lists")) as string[];
    const counts = lists.map((entry) => Number(entry.split(":")[0]));
    // Instant results first (several, busy), then the full-text list replaces them once, no longer busy.
    expect(lists.length).toBeGreaterThan(1);
    expect(lists.slice(0, -1).every((entry) => entry.endsWith(":true"))).toBe(true);
    expect(lists.at(-1)).toMatch(/^\d+:false$/);
    expect(counts.filter((n) => n > 0)[0]).toBeGreaterThan(1);
    expect(counts).not.toContain(1);
    await fresh.close();
  });

  it("filter chips show counts, combine, and update the URL", async () => {
    await page.goto(`${site}/search/?q=follow`);
    await shownIds();
    await searchPage().getByRole("button", { name: "Filters" }).click();
    const chip = page.getByRole("button", { name: /^Offline Networking Strategies \(\d+\)$/ });
    const count = Number(/\((\d+)\)/.exec((await chip.textContent()) ?? "")![1]);
    await chip.click();
    await expect.poll(() => page.url()).toContain("section=offline-networking-strategies");
    // The list refreshes after the URL does: wait until every entry is from the chosen section.
    await expect
      .poll(async () =>
        (await resultEntries().allTextContents()).every((text) => text.includes("Offline Networking Strategies")),
      )
      .toBe(true);
    expect(await resultLinks().count()).toBe(Math.min(count, 10));
    await page.getByRole("button", { name: /^Networking Best Practices by Industry \(\d+\)$/ }).click();
    await expect.poll(() => page.url()).toContain("section=networking-best-practices-by-industry");
    // More results than the one section gave, every one reachable ("Show more").
    await expect.poll(() => resultLinks().count()).toBe(10);
    expect(
      await searchPage()
        .getByRole("button", { name: /^Show \d+ more$/ })
        .count(),
    ).toBe(1);
    const industry = searchPage().locator('[role="group"][aria-labelledby$="-industry"] button').first();
    const industryId = ((await industry.textContent()) ?? "").replace(/ \(\d+\)$/, "").toLowerCase();
    await industry.click();
    await expect
      .poll(() => page.url())
      .toMatch(
        new RegExp(
          `section=offline-networking-strategies&section=networking-best-practices-by-industry&industry=${industryId}$`,
        ),
      );
    for (const text of await resultEntries().allTextContents())
      expect(text).toMatch(/Offline Networking Strategies|Networking Best Practices by Industry/);
    // Reload the shared URL: the same search comes back, the filters chosen said on their button.
    const before = await resultLinks().evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    await page.goto(page.url());
    await expect.poll(() => searchPage().getByRole("button", { name: "Filters (3 selected)" }).count()).toBe(1);
    await expect
      .poll(() => resultLinks().evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
      .toEqual(before);
  });

  it("typing replaces the URL, and Back and Forward behave", async () => {
    await page.goto(`${site}/`);
    await page.goto(`${site}/search/`);
    await searchPage().locator("input[type=search]").fill("gratitude");
    await expect.poll(() => page.url()).toBe(`${site}/search/?q=gratitude`);
    await resultLinks().first().click();
    await page.waitForURL(/\/practices\/show-gratitude\/$/);
    await page.goBack();
    await page.waitForURL(/\/search\/\?q=gratitude$/);
    await expect.poll(() => resultLinks().first().textContent()).toContain("Show Gratitude");
    await page.goBack();
    await page.waitForURL(`${site}/`);
    await page.goForward();
    await page.waitForURL(/\/search\/\?q=gratitude$/);
  });

  it("suggests the closest titles and the sections when nothing matches, despite typos", async () => {
    // Pagefind forgives one typo a word; two badly mistyped words find nothing, and the suggestions step in.
    await page.goto(`${site}/search/?q=netwrking+fatigeu`);
    await expect.poll(() => searchPage().locator('[role="status"]').textContent()).toBe("No practices match.");
    await expect
      .poll(() => searchPage().locator('ul a[href*="/practices/"]').first().getAttribute("href"))
      .toBe("/practices/networking-fatigue/");
    await expect.poll(() => searchPage().locator('ul a[href*="/sections/"]').count()).toBe(sectionCount);

    await page.goto(`${site}/search/?q=qqzzx`);
    await expect.poll(() => searchPage().locator('[role="status"]').textContent()).toBe("No practices match.");
    // The status can be announced a moment before the suggestions are drawn.
    await expect.poll(() => searchPage().locator('ul a[href*="/sections/"]').count()).toBe(sectionCount);
    expect(await searchPage().locator('ul a[href*="/practices/"]').count()).toBe(0);
  });

  it("without JavaScript the header search goes to /search/, which explains and links to A–Z", async () => {
    const noJs = await launch({ javaScript: false });
    const p = await noJs.newPage();
    await p.goto(`${site}/practices/arrive-early/`);
    await p.fill("#header-search", "cards");
    await p.press("#header-search", "Enter");
    await p.waitForURL(/\/search\/\?q=cards$/);
    expect(await p.locator("main").textContent()).toContain("Search needs JavaScript");
    expect(await p.getByRole("link", { name: "All practices A–Z" }).first().getAttribute("href")).toBe("/practices/");
    await noJs.close();
  });
});

describe("accessibility with search open", () => {
  it.each(["light", "dark"] as const)(
    "axe finds no violations with the dialog open and on /search/ (%s)",
    async (theme) => {
      const themed = await launch({ colorScheme: theme });
      const p = await themed.newPage();
      await p.goto(`${site}/practices/follow-up-event-networking/`);
      await p.keyboard.press("/");
      await p.keyboard.type("follow up");
      await expect.poll(() => p.locator('dialog[open] ol[aria-label="Results"] a').count()).toBeGreaterThan(0);
      await resultsSettled(p.locator("dialog[open]"));
      await p.locator("dialog[open]").getByRole("button", { name: "Filters" }).click();
      await p.getByRole("button", { name: /^Offline Networking Strategies \(\d+\)$/ }).click();
      const tags = AXE_TAGS;
      const inDialog = await new AxeBuilder({ page: p }).withTags(tags).analyze();
      expect(inDialog.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
        [],
      );
      await p.goto(`${site}/search/?q=mentor`);
      await expect.poll(() => p.locator('[data-search-page] ol[aria-label="Results"] a').count()).toBeGreaterThan(0);
      const onPage = await new AxeBuilder({ page: p }).withTags(tags).analyze();
      expect(onPage.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await themed.close();
    },
  );
});

/** Questions a reader brings, each with the practice that must come up in the first three. */
const RELEVANCE: [query: string, expected: string][] = [
  ["elevator pitch", "elevator-pitch"],
  ["introvert", "introversion"],
  ["business cards", "business-cards"],
  ["gratitude", "show-gratitude"],
  ["thank you", "show-gratitude"],
  ["linkedin headline", "compelling-headline"],
  ["subject line", "clear-subject-lines"],
  ["informational interview", "informational-interviews"],
  ["mentee", "mentorship-professional-association-networking"],
  ["rejection", "fear-of-rejection"],
  ["open source", "open-source-projects"],
  ["github", "online-platforms"],
  ["privacy", "privacy-settings"],
  ["confidential", "confidentiality"],
  ["speakers", "speaker-engagement"],
  ["crm", "crm-systems"],
  ["fatigue", "networking-fatigue"],
  ["arrive early", "arrive-early"],
  ["follow up after event", "follow-up-event-networking"],
  ["new city", "local-research"],
  ["dress", "dress-appropriately"],
  ["volunteer", "committee-participation"],
  // Typos: Pagefind forgives most; where it finds nothing, the closest titles are offered.
  ["mentorshp", "mentorship-professional-association-networking"],
  ["elevater pitch", "elevator-pitch"],
  ["linkdin profil", "complete-profile"],
  ["netwrking fatigeu", "networking-fatigue"],
  // Filtered to one industry.
  ["associations&industry=finance", "professional-associations-finance-industry"],
  ["regulations&industry=healthcare", "regulatory-compliance"],
];

describe("relevance: the practice that answers comes up in the first three", () => {
  it.each(RELEVANCE)("%s → %s", async (query, expected) => {
    await page.goto(`${site}/search/?q=${query.replace(/ /g, "+")}`);
    const ids = await shownIds();
    expect(ids.slice(0, 3)).toContain(expected);
  });
});
