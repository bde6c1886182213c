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
        // The column main sits in: the text alone, or the text beside the navigation on wide screens.
        main: getComputedStyle(document.querySelector("main")!.parentElement!).maxWidth,
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

/** Records layout shifts from the first paint, each with the landmarks of what it moved ("main", "sidenav"). */
const RECORD_SHIFTS = () => {
  const w = window as unknown as { shifts: { value: number; in: string[] }[] };
  w.shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      sources?: { node?: Node | null }[];
    })[]) {
      const moved = (entry.sources ?? []).map((s) => (s.node instanceof Element ? s.node : s.node?.parentElement));
      const places = [
        moved.some((el) => el?.closest("main")) && "main",
        moved.some((el) => el?.closest(".sidenav")) && "sidenav",
      ];
      w.shifts.push({ value: entry.value, in: places.filter((p): p is string => Boolean(p)) });
    }
  }).observe({ type: "layout-shift", buffered: true });
};

describe("getting around on a wide screen", () => {
  const contents = () => page.getByRole("navigation", { name: "Handbook contents" });

  it("a section page keeps every section beside the text, its own opened to its subsections and practices", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site}/sections/offline-networking-strategies/`);
    const nav = contents();
    expect(await nav.isVisible()).toBe(true);
    const current = nav.locator('[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toBe("Offline Networking Strategies");
    const sectionLinks = await nav
      .locator(":scope > ul:first-of-type > li > a")
      .evaluateAll((as) => as.map((a) => a.textContent));
    expect(sectionLinks).toHaveLength(11);
    expect(sectionLinks).toContain("Relationship Building");
    // Its own parts are anchors on this page; no other section is opened.
    expect(await nav.getByRole("link", { name: "Conference Networking" }).getAttribute("href")).toBe(
      "#conference-networking",
    );
    expect(await nav.getByRole("link", { name: "Event Selection" }).getAttribute("href")).toBe("#event-selection");
    expect(await nav.locator('a[href*="/practices/"]:not([href$="/practices/"])').count()).toBe(0);
    // Beside the text, not above it, and still there at the end of a long page.
    const [navBox, h1Box] = [await nav.boundingBox(), await page.locator("h1").boundingBox()];
    expect(navBox!.x + navBox!.width).toBeLessThanOrEqual(h1Box!.x);
    expect(h1Box!.y).toBeLessThan(200);
    // Well into the page, and a screen short of its end, where the column rises with the footer.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(3000);
    await page.evaluate(() => scrollTo(0, 1500));
    const stuck = await page.evaluate(() => document.querySelector(".sidenav")!.getBoundingClientRect().top);
    expect(stuck).toBeGreaterThanOrEqual(0);
    expect(stuck).toBeLessThan(100);
    await nav.getByRole("link", { name: "Event Selection" }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#event-selection");
    expect(await page.locator("#event-selection").evaluate((el) => el.matches(":target"))).toBe(true);
  });

  it("a practice page marks itself and its section, and lists its parts on this page", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site}/practices/event-selection/`);
    const nav = contents();
    const here = nav.locator('[aria-current="page"]');
    expect(await here.textContent()).toBe("Event Selection");
    expect(await here.getAttribute("href")).toMatch(/\/practices\/event-selection\/$/);
    expect(await nav.locator('[aria-current="true"]').textContent()).toBe("Offline Networking Strategies");
    expect(await nav.getByRole("link", { name: "Session Participation" }).getAttribute("href")).toMatch(
      /\/practices\/session-participation\/$/,
    );
    // The current practice is in view in the navigation, however long the section.
    expect(await here.isVisible()).toBe(true);
    const box = await here.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);

    // The last practice of a long section too: the column scrolls to it.
    await page.goto(`${site}/practices/mentorship-professional-association-networking/`);
    const last = (await contents().locator('[aria-current="page"]').boundingBox())!;
    expect(last.y).toBeGreaterThanOrEqual(56);
    expect(last.y + last.height).toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.goto(`${site}/practices/event-selection/`);

    const parts = page.getByRole("navigation", { name: "On this page" });
    expect(await parts.isVisible()).toBe(true);
    const links = await parts.getByRole("link").evaluateAll((as) =>
      as.map((a) => {
        const target = document.getElementById(a.getAttribute("href")!.slice(1));
        return [a.textContent, target?.textContent?.trim()];
      }),
    );
    expect(links).toEqual([
      ["Why it matters", "Why it matters"],
      ["How to do it", "How to do it"],
      ["Example", "Example"],
      ["Skip this if", "Skip this if"],
      ["Watch out for", "Watch out for"],
    ]);
  });

  it("an industry page and the A–Z page mark themselves", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const [path, name] of [
      ["/industries/finance/", "Finance"],
      ["/practices/", "All practices A–Z"],
    ]) {
      await page.goto(`${site}${path}`);
      expect(await contents().locator('[aria-current="page"]').textContent(), path).toBe(name);
    }
  });

  it("on a phone the navigation stays in the Menu and the text has the whole width", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/sections/offline-networking-strategies/", "/practices/event-selection/"]) {
      await page.goto(`${site}${path}`);
      expect(await contents().isVisible(), path).toBe(false);
      expect(await page.locator("summary", { hasText: "Menu" }).isVisible(), path).toBe(true);
      const h1 = await page.locator("h1").boundingBox();
      expect(h1!.x, path).toBeLessThanOrEqual(16);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("neither the navigation nor the lists of practices move as the page loads", async () => {
    for (const width of [1280, 390]) {
      const fresh = await launch({ width });
      const p = await fresh.newPage();
      await p.addInitScript(RECORD_SHIFTS);
      for (const [path, watched] of [
        ["/sections/offline-networking-strategies/", ["main", "sidenav"]],
        ["/industries/finance/", ["main", "sidenav"]],
        ["/practices/", ["main", "sidenav"]],
        // The practice text itself is another change's (its sharing controls); the navigation is this one's.
        ["/practices/event-selection/", ["sidenav"]],
      ] as const) {
        await p.goto(`${site}${path}`);
        await p.waitForLoadState("networkidle");
        const shifts = await p.evaluate(
          () => (window as unknown as { shifts: { value: number; in: string[] }[] }).shifts,
        );
        const moved = shifts.filter((s) => s.in.some((place) => (watched as readonly string[]).includes(place)));
        expect(
          moved.reduce((sum, s) => sum + s.value, 0),
          `${path} at ${width} px`,
        ).toBe(0);
      }
      await fresh.close();
    }
  });
});

describe("reading order", () => {
  const step = async (rel: "prev" | "next") => {
    const link = page.locator(`a[rel="${rel}"]`);
    return {
      href: new URL((await link.getAttribute("href"))!, site).pathname,
      text: (await link.innerText()).replace(/\s+/g, " ").trim(),
    };
  };

  it("Next leads on from the last practice of a subsection, naming the subsection it enters", async () => {
    await page.goto(`${site}/practices/event-selection/`);
    expect(await step("next")).toEqual({
      href: "/practices/session-participation/",
      text: "Next: Conference Networking Session Participation",
    });
    expect((await step("prev")).text).toBe("Previous practice Follow-up");
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/practices\/session-participation\/$/);
    expect((await step("prev")).text).toBe("Previous: Event Networking Event Selection");
  });

  it("Next leads on from the last practice of a section into the next section, and says so", async () => {
    await page.goto(`${site}/practices/follow-up-digital-communication/`);
    expect(await step("next")).toEqual({
      href: "/practices/pre-event-preparation/",
      text: "Next section: Offline Networking Strategies Pre-Event Preparation",
    });
    await page.goto(`${site}/practices/pre-event-preparation/`);
    expect(await step("prev")).toEqual({
      href: "/practices/follow-up-digital-communication/",
      text: "Previous section: Online Networking Strategies Follow-up",
    });
  });
});

describe("what a reader came for, first, on a phone", () => {
  const firstScreen = 844;

  it("section, industry and home pages open with a short lead, then the contents or the practices", async () => {
    await page.setViewportSize({ width: 390, height: firstScreen });
    for (const [path, first] of [
      ["/sections/online-networking-strategies/", "main article.practice h3"],
      ["/sections/offline-networking-strategies/", "main article.practice h3"],
      ["/industries/finance/", "main article.practice h3"],
      ["/", "#sections"],
    ] as const) {
      await page.goto(`${site}${path}`);
      const box = await page.locator(first).first().boundingBox();
      expect(box!.y + box!.height, `${path}: ${first}`).toBeLessThanOrEqual(firstScreen);
      // The longer introduction is one tap away, not in the way.
      const intro = page.locator("main details").first();
      expect(await intro.getAttribute("open"), path).toBeNull();
      const prose = intro.locator(".prose");
      expect(await prose.isVisible(), path).toBe(false);
      await intro.locator("summary").click();
      expect(await prose.isVisible(), path).toBe(true);
      expect((await prose.innerText()).length, path).toBeGreaterThan(400);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("the introduction opens without JavaScript too", async () => {
    const noJs = await launch({ javaScript: false, width: 390 });
    const p = await noJs.newPage();
    await p.goto(`${site}/sections/networking-fundamentals/`);
    await p.locator("main details summary").click();
    expect(await p.locator("main details .prose").isVisible()).toBe(true);
    await noJs.close();
  });
});

describe("practices in lists", () => {
  it("each entry is its title as the link, the one-liner, a whole sentence at most, and controls naming it", async () => {
    for (const path of ["/sections/offline-networking-strategies/", "/industries/healthcare/"]) {
      await page.goto(`${site}${path}`);
      const entries = await page.locator("main article.practice").evaluateAll((articles) =>
        articles.map((a) => ({
          title: a.querySelector("h3")!.textContent!.trim(),
          href: a.querySelector("h3 a")?.getAttribute("href"),
          links: [...a.querySelectorAll("a")].length,
          controls: [...a.querySelectorAll("button")].map((b) => b.getAttribute("aria-label")),
          texts: [...a.querySelectorAll("p")].map((p) => p.textContent!.trim()),
        })),
      );
      expect(entries.length, path).toBeGreaterThan(5);
      for (const entry of entries) {
        expect(entry.href, path).toMatch(/\/practices\/[a-z0-9-]+\/$/);
        expect(entry.links, `${path}: one link per entry, its title`).toBe(1);
        expect(entry.controls).toEqual([
          `I do this: ${entry.title}`,
          `Add to list: ${entry.title}`,
          `Copy link to ${entry.title}`,
        ]);
        expect(entry.texts.length).toBeGreaterThanOrEqual(1);
        for (const text of entry.texts.slice(1)) {
          expect(text, `${path}: ${entry.title}`).not.toContain("…");
          expect(text, `${path}: ${entry.title}`).toMatch(/[.!?]["”’)]*$/);
        }
      }
      expect(new Set(entries.flatMap((e) => e.controls)).size, path).toBe(entries.length * 3);
      expect(await page.getByRole("link", { name: /^Full practice/ }).count(), path).toBe(0);
    }
  });

  it("the copy control copies the entry's link at the address the page was served from", async () => {
    await page.goto(`${site}/sections/offline-networking-strategies/`);
    await page.getByRole("button", { name: "Copy link to Arrive Early" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${site}/sections/offline-networking-strategies/#arrive-early`,
    );
    await page.goto(`${site}/industries/healthcare/`);
    const first = page.locator("main article.practice").first();
    const title = (await first.locator("h3").textContent())!.trim();
    await page.getByRole("button", { name: `Copy link to ${title}` }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/practices\/[a-z0-9-]+\/$/);
  });

  it("a practice's link looks the same in every list, with no underline running into a space", async () => {
    const looks = new Set<string>();
    for (const [path, selector] of [
      ["/sections/offline-networking-strategies/", "main article.practice h3 a"],
      ["/industries/healthcare/", "main article.practice h3 a"],
      ["/practices/", 'main li > a[href*="/practices/"]'],
    ] as const) {
      await page.goto(`${site}${path}`);
      const links = await page.locator(selector).evaluateAll((as) =>
        as.map((a) => {
          const style = getComputedStyle(a);
          return {
            text: a.textContent!,
            look: [style.color, style.textDecorationLine, style.fontWeight].join(" "),
          };
        }),
      );
      expect(links.length, path).toBeGreaterThan(5);
      for (const link of links) {
        expect(link.text, path).toBe(link.text.trim());
        looks.add(link.look);
      }
    }
    expect([...looks]).toHaveLength(1);
  });
});
