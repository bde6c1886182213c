import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launch } from "./browser.ts";

const site = inject("siteUrl");

/**
 * Every reading page type, the progress page, and a mistyped practice address
 * for the not-found page. /search/, where the search interface mounts as the
 * page loads, has its own layout-shift test with the search tests.
 */
const PAGES = {
  home: "/",
  section: "/sections/offline-networking-strategies/",
  practice: "/practices/follow-up-event-networking/",
  industry: "/industries/healthcare/",
  "A–Z": "/practices/",
  "not found": "/practices/folow-up-event-networking/",
  progress: "/progress/",
};

/** WCAG relative luminance of a computed `rgb()`/`rgba()` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Loads a page with a layout-shift observer in place from the start: its total shift, and what moved. */
async function layoutShift(page: Page, url: string): Promise<{ shift: number; moved: string[] }> {
  await page.goto(url, { waitUntil: "load" });
  // Late scripts (the not-found suggestions) have had their chance to move something.
  await page.waitForTimeout(1200);
  return page.evaluate(() => {
    const w = window as unknown as { __shift: number; __shifted: string[] };
    return { shift: w.__shift, moved: w.__shifted };
  });
}

describe("layout shift is 0 on every page type (item 12)", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch();
    // A returning reader's ticks and list: the marks and counts the page's script fills in must not move anything.
    await context.addInitScript(() => {
      localStorage.setItem(
        "nbp:progress:v1",
        JSON.stringify({ v: 1, done: ["follow-up-event-networking", "arrive-early"] }),
      );
      localStorage.setItem("nbp:list:v1", JSON.stringify({ v: 1, title: "", note: "", ids: ["arrive-early"] }));
    });
    await context.addInitScript(() => {
      const w = window as unknown as { __shift: number; __shifted: string[] };
      w.__shift = 0;
      w.__shifted = [];
      type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Shift[]) {
          if (entry.hadRecentInput) continue;
          w.__shift += entry.value;
          for (const source of entry.sources) {
            const node = source.node as Element | undefined;
            w.__shifted.push(node ? `${node.nodeName}.${node.className || node.id}` : "?");
          }
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
  });
  afterAll(async () => context?.close());

  for (const width of [390, 1280]) {
    it.each(Object.entries(PAGES))(`%s page at ${width} px`, async (_, path) => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 800 });
      const { shift, moved } = await layoutShift(page, `${site}${path}`);
      expect(shift, moved.join(", ")).toBe(0);
      await page.close();
    });
  }

  it("the header and copy buttons sit where they will be before the page's own scripts run", async () => {
    const page = await context.newPage();
    const url = `${site}${PAGES.section}`;
    const layout = () =>
      page.evaluate(() =>
        ["#header-search", "details[data-menu] summary", "[data-theme-toggle]", "#business-cards [data-acts]"].map(
          (selector) => {
            const box = document.querySelector(selector)!.getBoundingClientRect();
            return [selector, Math.round(box.x), Math.round(box.y), Math.round(box.width)];
          },
        ),
      );
    await page.goto(url);
    const enhanced = await layout();
    // The same page with only the head's inline script: what the first paint shows.
    await page.route(url, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<script type="module">[\s\S]*?<\/script>/g, "");
      await route.fulfill({ response, body: html });
    });
    await page.goto(url);
    expect(await page.locator('script[type="module"]').count()).toBe(0);
    expect(await layout()).toEqual(enhanced);
    await page.close();
  });
});

describe("the phone menu (item 10)", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await launch({ width: 390 });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  const panel = () => page.locator("details[data-menu] > div");
  const isOpen = () => page.evaluate(() => document.querySelector<HTMLDetailsElement>("details[data-menu]")!.open);

  it("stands out from the page, fits the screen, and every link can be reached", async () => {
    for (const height of [844, 560]) {
      await page.setViewportSize({ width: 390, height });
      await page.goto(`${site}/practices/follow-up-event-networking/`);
      await page.getByText("Menu", { exact: true }).click();
      const look = await panel().evaluate((el) => {
        const box = el.getBoundingClientRect();
        return {
          shadow: getComputedStyle(el).boxShadow,
          bottom: box.bottom,
          scrolls: el.scrollHeight > el.clientHeight,
        };
      });
      expect(look.shadow).not.toBe("none");
      expect(look.bottom).toBeLessThanOrEqual(height);
      // A tall phone shows the whole menu; a short one scrolls inside it.
      if (height === 844) expect(look.scrolls).toBe(false);
      const last = panel().getByRole("link", { name: "All practices A–Z" });
      await last.scrollIntoViewIfNeeded();
      const [linkBox, panelBox] = await Promise.all([last.boundingBox(), panel().boundingBox()]);
      expect(linkBox!.y + linkBox!.height).toBeLessThanOrEqual(panelBox!.y + panelBox!.height + 0.5);
      expect(linkBox!.y).toBeGreaterThanOrEqual(panelBox!.y);
    }
  });

  it("closes when focus tabs out of it", async () => {
    await page.goto(`${site}/practices/follow-up-event-networking/`);
    await page.locator("details[data-menu] > summary").focus();
    await page.keyboard.press("Enter");
    expect(await isOpen()).toBe(true);
    await panel().getByRole("link", { name: "All practices A–Z" }).focus();
    await page.keyboard.press("Tab");
    expect(await isOpen()).toBe(false);
    // Shift+Tab back out of the button closes it too.
    await page.locator("details[data-menu] > summary").focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Shift+Tab");
    expect(await isOpen()).toBe(false);
  });

  it("marks the page the reader is on", async () => {
    for (const [path, name] of [
      ["/practices/", "All practices A–Z"],
      ["/industries/healthcare/", "Healthcare"],
    ] as const) {
      await page.goto(`${site}${path}`);
      const current = panel().locator('[aria-current="page"]');
      expect(await current.count()).toBe(1);
      expect((await current.textContent())?.trim()).toBe(name);
    }
    await page.goto(`${site}/practices/follow-up-event-networking/`);
    expect(await panel().locator("[aria-current]").count()).toBe(0);
  });
});

describe("arriving from a shared link (item 11)", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    // A reader who has not asked for reduced motion: where smooth scrolling would show.
    context = await launch({ reducedMotion: "no-preference" });
  });
  afterAll(async () => context?.close());

  /** The practice title's distance below the sticky header, and the scroll position. */
  const where = (page: Page, id: string) =>
    page.evaluate((practice) => {
      const title = document.getElementById(practice)!.querySelector("h3, h1")!.getBoundingClientRect();
      return { gap: title.top - document.querySelector("header")!.getBoundingClientRect().bottom, y: scrollY };
    }, id);

  it("a #practice link jumps at once and puts the title just below the header", async () => {
    const page = await context.newPage();
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${site}/sections/offline-networking-strategies/#exhibit-hall`);
      const first = await where(page, "exhibit-hall");
      await page.waitForTimeout(600);
      const later = await where(page, "exhibit-hall");
      expect(first.y).toBeGreaterThan(1000);
      expect(later.y).toBe(first.y);
      expect(first.gap).toBeGreaterThanOrEqual(0);
      expect(first.gap).toBeLessThanOrEqual(48);
    }
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
    await page.close();
  });

  it("?highlight= marks the words without moving the title off screen", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 800 });
    // With a #practice: the practice's title stays just under the header, and the closed introduction stays closed.
    await page.goto(`${site}/sections/offline-networking-strategies/?highlight=exhibit#exhibit-hall`);
    await page.waitForSelector("main mark", { state: "attached" });
    await page.waitForTimeout(300);
    const after = await where(page, "exhibit-hall");
    expect(after.gap).toBeGreaterThanOrEqual(0);
    expect(after.gap).toBeLessThanOrEqual(48);
    expect(await page.locator("main details").evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);

    // A section's search result without one: its introduction opens on the first match, in view.
    await page.goto(`${site}/sections/offline-networking-strategies/?highlight=receptions`);
    await page.waitForSelector("main details[open] mark");
    const mark = (await page.locator("main mark").first().boundingBox())!;
    expect(mark.y).toBeGreaterThanOrEqual(0);
    expect(mark.y + mark.height).toBeLessThanOrEqual(800);

    await page.goto(`${site}/practices/business-cards/?highlight=cards`);
    await page.waitForSelector("main mark");
    await page.waitForTimeout(300);
    const h1 = await page.locator("h1").boundingBox();
    expect(h1!.y).toBeGreaterThanOrEqual(0);
    expect(h1!.y + h1!.height).toBeLessThanOrEqual(800);
    await page.close();
  });

  for (const theme of ["light", "dark"] as const) {
    it(`marks and the #target are clearly visible in the ${theme} theme`, async () => {
      const themed = await launch({ colorScheme: theme });
      const page = await themed.newPage();
      await page.goto(`${site}/practices/exhibit-hall/?highlight=vendors`);
      await page.waitForSelector("main mark");
      const mark = await page.evaluate(() => {
        const style = getComputedStyle(document.querySelector("main mark")!);
        return { fill: style.backgroundColor, text: style.color, edge: style.boxShadow };
      });
      await page.goto(`${site}/sections/offline-networking-strategies/#exhibit-hall`);
      const colors = await page.evaluate(() => {
        const target = getComputedStyle(document.querySelector(".practice:target")!);
        return {
          page: getComputedStyle(document.body).backgroundColor,
          outline: target.outlineColor,
          outlineWidth: parseFloat(target.outlineWidth),
        };
      });
      // The mark's edge (a line in the text's colour) is the non-text indicator: 3:1 against the page and the fill.
      const edge = mark.edge.match(/rgba?\([^)]*\)/)![0];
      expect(contrast(edge, colors.page)).toBeGreaterThanOrEqual(3);
      expect(contrast(edge, mark.fill)).toBeGreaterThanOrEqual(3);
      expect(contrast(mark.text, mark.fill)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(mark.fill, colors.page)).toBeGreaterThan(1.2);
      expect(colors.outlineWidth).toBeGreaterThanOrEqual(2);
      expect(contrast(colors.outline, colors.page)).toBeGreaterThanOrEqual(3);
      await themed.close();
    });
  }
});

describe("the theme toggle (item 13)", () => {
  it("is at least 24 × 24 px on narrow phones", async () => {
    for (const width of [360, 390]) {
      const context = await launch({ width });
      const page = await context.newPage();
      await page.goto(`${site}/sections/offline-networking-strategies/`);
      const box = (await page.locator("[data-theme-toggle]").boundingBox())!;
      expect(box.width, `${width} px`).toBeGreaterThanOrEqual(24);
      expect(box.height, `${width} px`).toBeGreaterThanOrEqual(24);
      await context.close();
    }
  });

  it("steps through dark, light and back to the system setting, named for its state", async () => {
    const context = await launch({ colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(`${site}/`);
    const toggle = page.locator("[data-theme-toggle]");
    const state = () =>
      page.evaluate(() => ({
        dark: document.documentElement.classList.contains("dark"),
        saved: localStorage.getItem("theme"),
      }));
    const visibleIcon = () => toggle.locator("[data-icon]:visible").getAttribute("data-icon");
    expect(await toggle.getAttribute("title")).toBe("Theme: system");
    expect(await page.getByRole("button", { name: "Theme: system" }).count()).toBe(1);
    expect(await visibleIcon()).toBe("system");
    await toggle.click();
    expect(await state()).toEqual({ dark: true, saved: "dark" });
    expect(await page.getByRole("button", { name: "Theme: dark" }).getAttribute("title")).toBe("Theme: dark");
    expect(await visibleIcon()).toBe("dark");
    await toggle.click();
    expect(await state()).toEqual({ dark: false, saved: "light" });
    expect(await visibleIcon()).toBe("light");
    await toggle.click();
    expect(await state()).toEqual({ dark: false, saved: null });
    expect(await toggle.getAttribute("title")).toBe("Theme: system");
    await context.close();
  });

  it("a choice made in one tab reaches the others", async () => {
    const context = await launch({ colorScheme: "light" });
    const [one, two] = [await context.newPage(), await context.newPage()];
    await one.goto(`${site}/`);
    await two.goto(`${site}/practices/`);
    await one.locator("[data-theme-toggle]").click();
    await expect.poll(() => two.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    expect(await two.locator("[data-theme-toggle]").getAttribute("title")).toBe("Theme: dark");
    await context.close();
  });
});

describe("the not-found page, the skip link and the header's Tab stops (item 14)", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await launch();
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it("offers a search with the address's words, the closest practices, and ways to browse", async () => {
    await page.goto(`${site}/practices/folow-up-event-networking/`);
    const search = page.getByRole("main").getByRole("searchbox", { name: "Search the handbook" });
    await expect.poll(() => search.inputValue()).toBe("folow up event networking");
    const closest = page.getByRole("region", { name: "Closest matches" }).getByRole("link");
    await expect.poll(() => closest.count()).toBeGreaterThan(0);
    expect(await closest.first().getAttribute("href")).toBe("/practices/follow-up-event-networking/");
    const main = page.getByRole("main");
    expect(await main.getByRole("link", { name: "All practices A–Z" }).count()).toBe(1);
    expect(await main.getByRole("link", { name: "Offline Networking Strategies" }).count()).toBe(1);
    // Without script the search still works: it is a plain form to /search/.
    await search.fill("business cards");
    await search.press("Enter");
    await page.waitForURL(/\/search\/\?q=business\+cards$/);
  });

  it("the skip link has padding around its text", async () => {
    await page.goto(`${site}/`);
    await page.keyboard.press("Tab");
    const padding = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return [style.paddingTop, style.paddingLeft].map(parseFloat);
    });
    expect(padding[0]).toBeGreaterThanOrEqual(4);
    expect(padding[1]).toBeGreaterThanOrEqual(8);
  });

  it("every Tab stop in the header is something the reader can see", async () => {
    await page.goto(`${site}/`);
    await page.keyboard.press("Tab"); // the skip link
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const el = document.activeElement!;
        const box = el.getBoundingClientRect();
        return { inHeader: !!el.closest("header"), width: box.width, height: box.height, text: el.textContent?.trim() };
      });
      if (!stop.inHeader) break;
      expect(stop.width, stop.text).toBeGreaterThan(8);
      expect(stop.height, stop.text).toBeGreaterThan(8);
    }
  });
});

describe("links on the address the page was served from (item 15)", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch();
    // Where the browser has a share sheet: record what it is given.
    await context.addInitScript(() => {
      Object.defineProperty(navigator, "share", {
        value: (data: ShareData) => {
          (window as unknown as { __shared: ShareData }).__shared = data;
          return Promise.resolve();
        },
      });
    });
  });
  afterAll(async () => context?.close());

  it("copy, Markdown and share give this server's address, not the build's", async () => {
    const page = await context.newPage();
    await page.goto(`${site}/practices/follow-up-event-networking/`);
    const expected = `${site}/practices/follow-up-event-networking/`;
    expect(expected).not.toContain("localhost:4321");
    await page.getByRole("button", { name: "Copy link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await page.getByRole("button", { name: "Copy as Markdown" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`[Follow-up](${expected})`);
    await page.getByRole("button", { name: "Share…" }).click();
    expect(await page.evaluate(() => (window as unknown as { __shared: ShareData }).__shared)).toEqual({
      title: "Follow-up",
      url: expected,
    });
    await page.goto(`${site}/sections/offline-networking-strategies/`);
    await page.locator("#business-cards").getByRole("button", { name: "Copy link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${site}/sections/offline-networking-strategies/#business-cards`,
    );
    await page.close();
  });

  it("a printed section page prints each practice's URL on this server", async () => {
    const page = await context.newPage();
    await page.goto(`${site}/sections/offline-networking-strategies/`);
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(
      () => getComputedStyle(document.querySelector("#business-cards a.print-url")!, "::after").content,
    );
    expect(printed).toBe(`" ${site}/practices/business-cards/"`);
    await page.close();
  });
});
