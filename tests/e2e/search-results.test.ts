import { describe, expect, inject, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { launch, resultsSettled } from "./browser.ts";
import { loadContent } from "../../src/lib/content/read-entries.ts";

const site = inject("siteUrl");
const { practices, sections } = loadContent("content").content;
const practiceById = new Map(practices.map((p) => [p.id, p.data]));

const results = (scope: Locator) => scope.locator('ol[aria-label="Results"] > li');
const status = (scope: Locator) => scope.locator('[role="status"]');

/** Starts summing layout shifts in the page, as the browser reports them (the CLS an audit measures). */
const OBSERVE_SHIFTS = () => {
  const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
  w.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node?: Node }[];
    })[]) {
      if (!entry.hadRecentInput)
        w.__shifts.push({
          value: entry.value,
          sources: entry.sources.map((s) => {
            const element = s.node instanceof Element ? s.node : s.node?.parentElement;
            const where = element?.closest("main") ? "main" : element?.closest("header") ? "header" : "page";
            return `${where}: ${element?.outerHTML.slice(0, 80) ?? "?"}`;
          }),
        });
    }
  }).observe({ type: "layout-shift", buffered: true });
};
const shifts = (page: Page) => page.evaluate("window.__shifts") as Promise<{ value: number; sources: string[] }[]>;

/** The relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (rgb: string) => {
    const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("every result is reachable (issue 15, item 1)", () => {
  it("says how many a search found and shows them all, ten at a time, focus going to the first added", async () => {
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${site}/search/?q=follow+up`);
    const scope = page.locator("[data-search-page]");
    await resultsSettled(scope);
    const said = (await status(scope).textContent()) ?? "";
    // "57 practices, 9 sections and 3 other pages, showing 10."
    expect(said).toMatch(/^\d+ practices\b.*, showing 10\.$/);
    const total = [...said.matchAll(/(\d+) (?:practice|section|industry page|other page)s?\b/g)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    expect(total).toBeGreaterThan(20);
    // By keyboard: Tab to "Show more", Enter; focus lands on the first result added.
    let shown = 10;
    while (shown < total) {
      const more = page.getByRole("button", { name: /^Show \d+ more$/ });
      await more.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => results(scope).count()).toBe(Math.min(shown + 10, total));
      const focused = await page.evaluate(() => {
        const links = [...document.querySelectorAll('[data-search-page] ol[aria-label="Results"] a')];
        return links.indexOf(document.activeElement as Element);
      });
      expect(focused).toBe(shown);
      shown = Math.min(shown + 10, total);
    }
    expect(await page.getByRole("button", { name: /^Show \d+ more$/ }).count()).toBe(0);
    expect(await status(scope).textContent()).not.toContain("showing");
    // Each result once.
    const keys = await results(scope).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset["key"]));
    expect(new Set(keys).size).toBe(total);
    await context.close();
  });
});

describe("clean results (issue 15, item 2)", () => {
  it("show the title as the link's name, the section, the verbatim one-liner and a clean body excerpt", async () => {
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${site}/practices/arrive-early/`);
    await page.keyboard.press("/");
    await page.keyboard.type("follow up");
    const scope = page.locator("dialog[open]");
    await resultsSettled(scope);
    const shown = await results(scope).evaluateAll((lis) =>
      lis.map((li) => ({
        key: (li as HTMLElement).dataset["key"]!,
        link: li.querySelector("a")!.textContent,
        where: li.querySelector("[data-result-where]")!.textContent,
        source: li.querySelector("[data-result-source]")!.textContent,
        excerpt: li.querySelector("[data-result-excerpt]")!.textContent ?? "",
        marks: li.querySelectorAll("[data-result-excerpt] mark").length,
      })),
    );
    expect(shown.length).toBe(10);
    let marked = 0;
    for (const result of shown) {
      const id = /\/practices\/([^/]+)\/$/.exec(result.key)?.[1];
      const practice = id ? practiceById.get(id) : undefined;
      if (!practice) continue;
      const section = sections.find((s) => s.id === practice.section)!.data.title;
      // The link's accessible name is the title alone.
      await expect
        .poll(() => scope.getByRole("link", { name: practice.title, exact: true }).count())
        .toBeGreaterThan(0);
      expect(result.link).toBe(practice.title);
      expect(result.where).toBe(`${section} › ${practice.subsection}`);
      expect(result.source).toBe(practice.source);
      // Never the lead or the context indexed for ranking ("Digital Communication. Online Networking Strategies.").
      expect(result.excerpt).not.toContain(`${practice.subsection}. ${section}.`);
      expect(result.excerpt).not.toContain(practice.source);
      // A question the practice declares that matched is shown whole, as its answer to the query.
      const asked = practice.questions.find((q) => q.toLowerCase() === result.excerpt.toLowerCase());
      if (asked) {
        expect(result.excerpt).toBe(asked.charAt(0).toUpperCase() + asked.slice(1));
        marked += result.marks;
        continue;
      }
      expect(result.excerpt.length).toBeGreaterThan(40);
      // Cut only between words, and then with an ellipsis.
      expect(result.excerpt).toMatch(/^(… |[“"(‘]?[A-Z0-9])/u);
      expect(result.excerpt).toMatch(/([.!?][”’")]*| …)$/u);
      marked += result.marks;
    }
    expect(marked).toBeGreaterThan(5);
    await context.close();
  });
});

describe("results stay put (issue 15, item 3)", () => {
  it.each([1280, 390])("/search/ has no layout shift as it loads and fills in, at %i px", async (width) => {
    // A phone's status wraps ("12 practices and 4 sections, showing 10."): its room is kept from the start.
    for (const query of ["follow+up&section=offline-networking-strategies", "mentor", "follow+up"]) {
      const context = await launch({ width });
      const page = await context.newPage();
      await page.addInitScript(OBSERVE_SHIFTS);
      await page.goto(`${site}/search/?q=${query}`);
      await resultsSettled(page.locator("[data-search-page]"));
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
      // Nothing moves: neither the page's content nor the header.
      expect(await shifts(page), query).toEqual([]);
      await context.close();
    }
  });

  it("never blanks the list between keystrokes, nor shrinks it to one and back", async () => {
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${site}/search/?q=network`);
    const scope = page.locator("[data-search-page]");
    await resultsSettled(scope);
    await page.evaluate(() => {
      const w = window as unknown as { __counts: number[] };
      w.__counts = [];
      const list = document.querySelector('[data-search-page] ol[aria-label="Results"]')!;
      new MutationObserver(() => w.__counts.push(list.children.length)).observe(list, { childList: true });
    });
    await scope.locator("input[type=search]").focus();
    await page.keyboard.press("End");
    for (const key of " event follow".split("")) {
      await page.keyboard.type(key);
      await page.waitForTimeout(30);
    }
    await resultsSettled(scope);
    const counts = (await page.evaluate("window.__counts")) as number[];
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((n) => n < 2)).toEqual([]);
    await context.close();
  });

  it("keeps the result under the pointer, and the focused one, where they are when full-text results arrive", async () => {
    const query = "follow up";
    // The full-text ranking, from a page where the index answers at once.
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${site}/search/?q=${encodeURIComponent(query)}`);
    await resultsSettled(page.locator("[data-search-page]"));
    const ranked = await results(page.locator("[data-search-page]")).evaluateAll((lis) =>
      lis.map((li) => (li as HTMLElement).dataset["key"]!),
    );
    await context.close();

    for (const how of ["pointer", "focus"] as const) {
      const slow = await launch();
      const p = await slow.newPage();
      // A slow connection: the index arrives well after the instant title matches are on screen. Only its
      // chunks wait (3 s, long enough that a busy machine has moved the pointer or focus first): the engine
      // and the result fragments come at once, so the whole search still settles within the poll's time.
      await p.route("**/pagefind/index/**", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        await route.continue();
      });
      await p.goto(`${site}/practices/arrive-early/`);
      await p.keyboard.press("/");
      await p.keyboard.type(query);
      const scope = p.locator("dialog[open]");
      await expect.poll(() => status(scope).textContent()).toBe("Searching the full text…");
      const instant = await results(scope).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset["key"]!));
      // One the full ranking moves: in both lists, at different places.
      const index = instant.findIndex((key, i) => ranked.includes(key) && ranked.indexOf(key) !== i);
      expect(index).toBeGreaterThanOrEqual(0);
      const key = instant[index]!;
      const target = results(scope).nth(index);
      const box = (await target.boundingBox())!;
      const point = { x: box.x + box.width / 2, y: box.y + 10 };
      if (how === "pointer") await p.mouse.move(point.x, point.y);
      else for (let i = 0; i <= index; i++) await p.keyboard.press("ArrowDown");
      if (how === "focus")
        expect(await p.evaluate(() => document.activeElement?.closest("li")?.dataset["key"])).toBe(key);
      await resultsSettled(scope);
      expect(await status(scope).textContent()).toMatch(/practices/);
      const now = await results(scope).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset["key"]!));
      expect(now.indexOf(key)).toBe(index);
      // Still under the pointer, or still focused, on screen where it was.
      const under = await p.evaluate(
        ({ x, y }) => (document.elementFromPoint(x, y)?.closest("li") as HTMLElement | null)?.dataset["key"],
        point,
      );
      expect(under).toBe(key);
      if (how === "focus")
        expect(await p.evaluate(() => document.activeElement?.closest("li")?.dataset["key"])).toBe(key);
      await slow.close();
    }
  });
});

describe("search on a phone (issue 15, item 4)", () => {
  it("a tap on the header control opens the full-screen search at once, without a keyboard hint", async () => {
    const phone = await launch({ width: 390, touch: true });
    const page = await phone.newPage();
    await page.goto(`${site}/practices/arrive-early/`);
    expect(await page.locator("header kbd").isVisible()).toBe(false);
    await page.locator("#header-search").tap();
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(1);
    const box = (await page.locator("dialog[open]").boundingBox())!;
    expect(box.width).toBe(390);
    expect(box.height).toBe(800);
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    expect(await page.locator("#header-search").inputValue()).toBe("");
    // The placeholder fits the box.
    const fits = await page
      .locator("#header-search")
      .evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth);
    expect(fits).toBe(true);
    await phone.close();
  });

  it("shows the / hint only with a mouse and keyboard", async () => {
    const desktop = await launch();
    const page = await desktop.newPage();
    await page.goto(`${site}/`);
    expect(await page.locator("header kbd").isVisible()).toBe(true);
    await desktop.close();
    const tablet = await launch({ width: 820, touch: true });
    const onTablet = await tablet.newPage();
    await onTablet.goto(`${site}/`);
    expect(await onTablet.locator("header kbd").isVisible()).toBe(false);
    await tablet.close();
  });

  it.each(["light", "dark"] as const)(
    "search fields have a border of at least 3:1 against the page (%s)",
    async (theme) => {
      const context = await launch({ colorScheme: theme });
      const page = await context.newPage();
      await page.goto(`${site}/search/`);
      await page.locator("[data-search-page] input[type=search]").waitFor();
      for (const selector of ["#header-search", "[data-search-page] input[type=search]"]) {
        const [border, background] = await page
          .locator(selector)
          .evaluate((input) => [
            getComputedStyle(input).borderTopColor,
            getComputedStyle(document.body).backgroundColor,
          ]);
        expect(contrast(border!, background!), selector).toBeGreaterThanOrEqual(3);
      }
      await context.close();
    },
  );
});

describe("the search dialog (issue 15, item 5)", () => {
  it("puts the results before the filters in Tab order, with the filters behind one button", async () => {
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${site}/`);
    await page.keyboard.press("/");
    await page.keyboard.type("follow up");
    const scope = page.locator("dialog[open]");
    await resultsSettled(scope);
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          if (el.closest('ol[aria-label="Results"]')) return "result";
          return el.hasAttribute("aria-pressed") ? "chip" : (el.textContent ?? "").trim();
        }),
      );
    }
    expect(order).toEqual(["Filters", "result", "result"]);
    // The chips are one press away, and say how many are chosen.
    await scope.getByRole("button", { name: "Filters" }).click();
    const chip = scope.getByRole("button", { name: /^Offline Networking Strategies \(\d+\)$/ });
    await chip.click();
    await expect.poll(() => scope.locator("[data-search-filters-toggle]").textContent()).toContain("1 selected");
    await context.close();
  });

  it("fits its content: a short panel for a single result", async () => {
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${site}/`);
    await page.keyboard.press("/");
    // A word only Platform Selection uses.
    await page.keyboard.type("doximity");
    const scope = page.locator("dialog[open]");
    await resultsSettled(scope);
    const count = await results(scope).count();
    expect(count).toBe(1);
    const { dialog, content } = await scope.evaluate((d) => ({
      dialog: d.getBoundingClientRect().height,
      content: (d.firstElementChild as HTMLElement).scrollHeight,
    }));
    expect(dialog).toBeLessThanOrEqual(content + 2);
    expect(dialog).toBeLessThan(0.8 * 800 - 40);
    await context.close();
  });

  it("gives focus back to where the reader was when it closes", async () => {
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${site}/sections/relationship-building/`);
    // From a link in the page, by "/" and by Ctrl+K.
    // A link the reader can see: the section's introduction, with its own links, starts closed.
    const link = page.locator("main a[href^='/practices/']:visible").first();
    for (const key of ["/", "Control+k"]) {
      await link.focus();
      await page.keyboard.press(key);
      await expect.poll(() => page.locator("dialog[open]").count()).toBe(1);
      await page.keyboard.type("mentor");
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
      const href = await link.getAttribute("href");
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(href);
    }
    // From the header control: back to it.
    await page.locator("#header-search").click();
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(1);
    await page.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("header-search");
    await context.close();
  });
});
