import { beforeEach, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, sharedPage, tabTo } from "./browser.ts";

const site = inject("siteUrl");
const aliasSite = inject("aliasSiteUrl");
const shared = sharedPage();
let page: Page;
beforeEach(() => {
  page = shared.page;
});

/** Where an element sits relative to the sticky header and the viewport. */
async function placement(selector: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const header = document.querySelector("header")!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return {
      top: box.top,
      headerBottom: header.bottom,
      viewport: innerHeight,
      target: el.matches(":target"),
      background: getComputedStyle(el).backgroundColor,
    };
  }, selector);
}

describe("deep links", () => {
  it("a practice anchor on a section page lands in view, below the sticky header, highlighted", async () => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 700 });
      await page.goto(`${site}/sections/offline-networking-strategies/#business-cards`);
      const where = await placement("#business-cards");
      expect(where.target).toBe(true);
      expect(where.top).toBeGreaterThanOrEqual(where.headerBottom);
      expect(where.top).toBeLessThan(where.viewport / 2);
      expect(where.background).not.toBe("rgba(0, 0, 0, 0)");
      const other = await placement("#arrive-early");
      expect(other.background).toBe("rgba(0, 0, 0, 0)");
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("no page scrolls sideways at 320 px", async () => {
    await page.setViewportSize({ width: 320, height: 700 });
    for (const path of [
      "/",
      "/sections/networking-fundamentals/",
      "/practices/follow-up-event-networking/",
      "/practices/",
      "/industries/finance/",
    ]) {
      await page.goto(`${site}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe("copying a link", () => {
  it("puts exactly the practice's permalink on the clipboard and announces it", async () => {
    await page.goto(`${site}/practices/follow-up-event-networking/`);
    await page.getByRole("button", { name: "Copy link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${site}/practices/follow-up-event-networking/`,
    );
    await expect.poll(() => page.textContent("[data-announcer]")).toBe("Link copied");
    expect(await page.getAttribute("[data-announcer]", "aria-live")).toBe("polite");
  });

  it("copies a Markdown link and a practice's example message", async () => {
    await page.goto(`${site}/practices/follow-up-event-networking/`);
    await page.getByRole("button", { name: "Copy as Markdown" }).click();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(/^\[Follow-up\]\(http.*\/practices\/follow-up-event-networking\/\)$/);
    await page.getByRole("button", { name: "Copy text" }).first().click();
    const message = await page.evaluate(() => navigator.clipboard.readText());
    expect(message).toBe((await page.locator("[data-message-text]").first().innerText()).trim());
    expect(message.length).toBeGreaterThan(40);
  });

  it("copies the section-page link from a practice on a section page", async () => {
    await page.goto(`${site}/sections/networking-fundamentals/`);
    await page.locator("#show-interest").getByRole("button", { name: "Copy link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /\/sections\/networking-fundamentals\/#show-interest$/,
    );
  });

  it("without JavaScript the permalink is a plain link and no dead button shows", async () => {
    const noJs = await launch({ javaScript: false });
    const plain = await noJs.newPage();
    await plain.goto(`${site}/practices/follow-up-event-networking/`);
    expect(await plain.getByRole("link", { name: "Permalink" }).getAttribute("href")).toMatch(
      /\/practices\/follow-up-event-networking\/$/,
    );
    expect(await plain.getByRole("button", { name: "Copy link" }).count()).toBe(0);
    await noJs.close();
  });
});

describe("ids that never break", () => {
  it("an old practice id redirects to the practice's new page", async () => {
    await page.goto(`${aliasSite}/practices/be-genuine/`);
    await page.waitForURL(/\/practices\/be-genuine-renamed\/$/);
    expect(await page.textContent("h1")).toBe("Be Genuine");
  });

  it("an old anchor on the section page still lands on the practice", async () => {
    await page.goto(`${aliasSite}/sections/networking-fundamentals/#be-genuine`);
    const inView = await page.evaluate(() => {
      const article = document.querySelector("#be-genuine")!.closest("article")!;
      const box = article.getBoundingClientRect();
      return { id: article.id, top: box.top, height: innerHeight };
    });
    expect(inView.id).toBe("be-genuine-renamed");
    expect(inView.top).toBeGreaterThanOrEqual(0);
    expect(inView.top).toBeLessThan(inView.height / 2);
  });
});

describe("theme", () => {
  it("the toggle switches to dark and the choice persists across pages", async () => {
    const fresh = await launch({ colorScheme: "light" });
    const p = await fresh.newPage();
    await p.goto(`${site}/`);
    expect(await p.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(false);
    await p.getByRole("button", { name: "Theme: system" }).click();
    expect(await p.getByRole("button", { name: "Theme: dark" }).count()).toBe(1);
    await p.goto(`${site}/sections/relationship-building/`);
    // Set before first paint: the class is there as soon as the document is parsed.
    expect(await p.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    const background = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(21, 23, 27)");
    await fresh.close();
  });

  it("follows the system setting when nothing was chosen", async () => {
    const dark = await launch({ colorScheme: "dark" });
    const p = await dark.newPage();
    await p.goto(`${site}/`);
    expect(await p.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    await dark.close();
  });
});

describe("keyboard only", () => {
  it("reaches the skip link, the menu, the copy control and previous/next", async () => {
    await page.goto(`${site}/practices/arrive-early/`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Skip to content");

    await tabTo(page, "the menu", "el.tagName === 'SUMMARY'");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.querySelector("details[data-menu]")!.hasAttribute("open"))).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("details") !== null)).toBe(true);
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.querySelector("details[data-menu]")!.hasAttribute("open"))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");

    await tabTo(page, "Copy link", "el.textContent.trim() === 'Copy link'");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/practices\/arrive-early\/$/);

    await tabTo(page, "the previous practice", "el.getAttribute('rel') === 'prev'");
    await tabTo(page, "the next practice", "el.getAttribute('rel') === 'next'");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/practices\/business-cards\/$/);
  });

  it("focus is visible on every control", async () => {
    await page.goto(`${site}/sections/networking-fundamentals/`);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe("none");
    }
  });
});

describe("styles", () => {
  it("every page type is laid out for reading, whatever stylesheets it loads", async () => {
    for (const path of [
      "/",
      "/sections/relationship-building/",
      "/practices/elevator-pitch/",
      "/industries/technology/",
      "/practices/",
      "/nope/",
    ]) {
      await page.goto(`${site}${path}`);
      const look = await page.evaluate(() => ({
        main: getComputedStyle(document.querySelector("main")!).maxWidth,
        h1: parseFloat(getComputedStyle(document.querySelector("h1")!).fontSize),
        margin: getComputedStyle(document.body).margin,
      }));
      expect(look, path).toEqual({ main: "1024px", h1: expect.any(Number), margin: "0px" });
      expect(look.h1, path).toBeGreaterThanOrEqual(28);
    }
  });

  it("practice explanations are set at a readable measure", async () => {
    await page.goto(`${site}/practices/elevator-pitch/`);
    const chars = await page.evaluate(() => {
      const p = document.querySelector(".prose p") as HTMLElement;
      const width = p.getBoundingClientRect().width;
      const probe = document.createElement("span");
      probe.textContent = "abcdefghijklmnopqrstuvwxyz";
      p.append(probe);
      const perChar = probe.getBoundingClientRect().width / 26;
      probe.remove();
      return width / perChar;
    });
    expect(chars).toBeGreaterThan(60);
    expect(chars).toBeLessThan(85);
  });
});
