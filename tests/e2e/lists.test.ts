import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { AXE_TAGS, launch, resultsSettled } from "./browser.ts";
import { RENAMED } from "./global-setup.ts";
import { loadContent } from "../../src/lib/content/read-entries.ts";
import { LIST_KEY, PROGRESS_KEY, SAVED_LISTS_KEY } from "../../src/lib/lists/storage.ts";

const site = inject("siteUrl");
const aliasSite = inject("aliasSiteUrl");
const { content } = loadContent("content");
const practice = (id: string) => content.practices.find((p) => p.data.id === id)!.data;
const sectionTitle = (id: string) => content.sections.find((s) => s.id === practice(id).section)!.data.title;

const HOSTILE_TITLE = "<script>alert(1)</script> Before the conference";
const enc = encodeURIComponent;

/** The ids of the entries a list view shows, in order. */
const shownIds = (page: Page, view: "shared" | "working") =>
  page
    .locator(`[data-view="${view}"] [data-item]`)
    .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset["id"] ?? ""));
const announced = (page: Page) => page.locator("body > [data-announcer]").textContent();
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Writes the working list, as a reading page's "Add to list" does, and reloads /lists/. */
async function openWorkingList(page: Page, base: string, list: { title?: string; note?: string; ids: string[] }) {
  await page.goto(`${base}/lists/`);
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [LIST_KEY, JSON.stringify({ v: 1, title: list.title ?? "", note: list.note ?? "", ids: list.ids })],
  );
  await page.reload();
  await expect.poll(() => shownIds(page, "working")).toHaveLength(list.ids.length);
}

describe("a list opened from its link", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch();
  });
  afterAll(async () => context?.close());

  it("shows the practices in order, old ids resolved, unknown ids noticed, and the title as text", async () => {
    const page = await context.newPage();
    const alerts: string[] = [];
    page.on("dialog", (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    const ids = ["elevator-pitch", RENAMED.from, "no-such-practice", "arrive-early"];
    await page.goto(
      `${aliasSite}/lists/?p=${ids.join(",")}&title=${enc(HOSTILE_TITLE)}&note=${enc("Read <b>these</b> first")}`,
    );
    await expect.poll(() => shownIds(page, "shared")).toEqual([ids[0], RENAMED.to, ids[2], ids[3]]);
    expect(await page.locator("h1").textContent()).toBe(HOSTILE_TITLE);
    expect(await page.title()).toBe(`${HOSTILE_TITLE} · Networking Best Practices`);
    expect(await page.locator("[data-view=shared] [data-note]").textContent()).toBe("Read <b>these</b> first");
    expect(await page.locator("main b, main script:not([data-lists-data])").count()).toBe(0);
    expect(await page.locator("[data-view=shared] [data-count]").textContent()).toBe(
      "3 practices, and 1 no longer in the handbook",
    );

    const items = page.locator("[data-view=shared] [data-item]");
    const first = items.nth(0);
    expect(await first.getByRole("link").textContent()).toBe("Elevator Pitch");
    expect(await first.getByRole("link").getAttribute("href")).toBe("/practices/elevator-pitch/");
    expect(await first.textContent()).toContain(sectionTitle("elevator-pitch"));
    expect(await first.textContent()).toContain(practice("elevator-pitch").source);
    expect(await items.nth(1).getByRole("link").getAttribute("href")).toBe(`/practices/${RENAMED.to}/`);
    const unknown = items.nth(2);
    expect(await unknown.textContent()).toContain("no-such-practice");
    expect(await unknown.textContent()).toContain("No longer in the handbook");
    expect(await unknown.getByRole("link").count()).toBe(0);
    expect(alerts).toEqual([]);
    await page.close();
  });

  it("shows the reader's own ticks, and follows them as another tab changes them", async () => {
    const page = await context.newPage();
    await page.goto(`${site}/lists/?p=elevator-pitch,arrive-early`);
    await page.evaluate(
      ([key]) => localStorage.setItem(key!, JSON.stringify({ v: 1, done: ["arrive-early"] })),
      [PROGRESS_KEY],
    );
    await page.reload();
    const ticks = () =>
      page
        .locator("[data-view=shared] [data-item]")
        .evaluateAll((items) => items.map((li) => !li.querySelector<HTMLElement>("[data-item-done]")!.hidden));
    await expect.poll(ticks).toEqual([false, true]);
    const other = await context.newPage();
    await other.goto(`${site}/`);
    await other.evaluate(
      ([key]) => localStorage.setItem(key!, JSON.stringify({ v: 1, done: ["elevator-pitch"] })),
      [PROGRESS_KEY],
    );
    await expect.poll(ticks).toEqual([true, false]);
    await other.evaluate(([key]) => localStorage.removeItem(key!), [PROGRESS_KEY]);
    await page.close();
    await other.close();
  });

  it("caps a list too long for a link and says so", async () => {
    const page = await context.newPage();
    await page.goto(`${site}/lists/?p=elevator-pitch&title=${"t".repeat(300)}`);
    expect((await page.locator("h1").textContent())!.length).toBe(120);
    expect(await page.locator("[data-view=shared] [data-cut]").textContent()).toContain("the title to 120 characters");
    await page.close();
  });
});

describe("the working list", () => {
  it("is reordered, cut and titled by keyboard, and its link opens the same list in a fresh browser", async () => {
    const context = await launch();
    const page = await context.newPage();
    await openWorkingList(page, site, { ids: ["elevator-pitch", "arrive-early", "be-genuine"] });

    await page.getByRole("button", { name: "Move down: Elevator Pitch" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => shownIds(page, "working")).toEqual(["arrive-early", "elevator-pitch", "be-genuine"]);
    expect(await focusedLabel(page)).toBe("Move down: Elevator Pitch");
    await expect.poll(() => announced(page)).toBe("Moved Elevator Pitch down: 2 of 3");
    await page.keyboard.press("Space");
    await expect.poll(() => shownIds(page, "working")).toEqual(["arrive-early", "be-genuine", "elevator-pitch"]);
    // At the end its Move down stays focused and does nothing.
    await page.keyboard.press("Enter");
    expect(await shownIds(page, "working")).toEqual(["arrive-early", "be-genuine", "elevator-pitch"]);
    expect(await focusedLabel(page)).toBe("Move down: Elevator Pitch");
    // Shift+Tab reaches Move up of the same entry.
    await page.keyboard.press("Shift+Tab");
    expect(await focusedLabel(page)).toBe("Move up: Elevator Pitch");

    await page.getByRole("button", { name: "Remove: Arrive Early" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => shownIds(page, "working")).toEqual(["be-genuine", "elevator-pitch"]);
    expect(await focusedLabel(page)).toBe("Remove: Be Genuine");
    await expect.poll(() => announced(page)).toBe("Removed Arrive Early");

    await page.getByLabel("Title").fill("Before the conference");
    await page.getByLabel("Note").fill("Two to start with.");
    const stored = await page.evaluate(([key]) => JSON.parse(localStorage.getItem(key!)!), [LIST_KEY]);
    expect(stored).toEqual({
      v: 1,
      title: "Before the conference",
      note: "Two to start with.",
      ids: ["be-genuine", "elevator-pitch"],
    });
    expect(await page.locator("[data-count-for=title]").textContent()).toBe("21 of 120 characters");

    await page.locator("[data-view=working]").getByRole("button", { name: "Copy link" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => announced(page)).toBe("Link copied");
    const link = await clipboard(page);
    expect(link).toBe(
      `${site}/lists/?p=be-genuine,elevator-pitch&title=Before%20the%20conference&note=Two%20to%20start%20with.`,
    );
    expect(await page.getByLabel("Link to this list").inputValue()).toBe(link);
    await context.close();

    const fresh = await launch();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect.poll(() => shownIds(other, "shared")).toEqual(["be-genuine", "elevator-pitch"]);
    expect(await other.locator("h1").textContent()).toBe("Before the conference");
    expect(await other.locator("[data-view=shared] [data-note]").textContent()).toBe("Two to start with.");
    await fresh.close();
  });

  it("updates when another tab adds a practice, and Clear empties it after asking", async () => {
    const context = await launch();
    const page = await context.newPage();
    await openWorkingList(page, site, { ids: ["elevator-pitch"] });
    const other = await context.newPage();
    await other.goto(`${site}/`);
    await other.evaluate(
      ([key]) =>
        localStorage.setItem(
          key!,
          JSON.stringify({ v: 1, title: "", note: "", ids: ["elevator-pitch", "be-genuine"] }),
        ),
      [LIST_KEY],
    );
    await expect.poll(() => shownIds(page, "working")).toEqual(["elevator-pitch", "be-genuine"]);

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Clear…" }).click();
    await expect.poll(() => shownIds(page, "working")).toEqual([]);
    expect(await page.locator("[data-view=working] [data-empty]").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-empty"))).toBe(true);
    await context.close();
  });

  it("treats a corrupt or foreign stored value as an empty list, and explains how to add practices", async () => {
    const context = await launch();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    for (const value of ["{not json", '{"v":9,"ids":["x"]}', '["elevator-pitch"]', '{"v":1,"ids":"elevator-pitch"}']) {
      await page.goto(`${site}/lists/`);
      await page.evaluate(([key, v]) => localStorage.setItem(key!, v!), [LIST_KEY, value]);
      await page.reload();
      const empty = page.locator("[data-view=working] [data-empty]");
      await expect.poll(() => empty.isVisible()).toBe(true);
      expect(await empty.textContent()).toContain("Add to list");
      expect(await empty.getByRole("link", { name: "All practices A–Z" }).getAttribute("href")).toBe("/practices/");
      expect(await page.locator("[data-share-area]").isVisible()).toBe(false);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("copying, saving and printing a list", () => {
  let context: BrowserContext;
  let page: Page;
  const ids = ["elevator-pitch", "arrive-early"];
  const path = `/lists/?p=${ids.join(",")}&title=${enc("Conference prep")}&note=${enc("Start here.")}`;
  beforeAll(async () => {
    context = await launch();
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it("copies as Markdown and as plain text with absolute URLs on the served address", async () => {
    await page.goto(`${site}${path}`);
    await expect.poll(() => shownIds(page, "shared")).toEqual(ids);
    const url = (id: string) => `${site}/practices/${id}/`;
    await page.getByRole("button", { name: "Copy as Markdown" }).click();
    await expect.poll(() => announced(page)).toBe("Copied as Markdown");
    expect(await clipboard(page)).toBe(
      [
        "# Conference prep",
        "",
        "Start here.",
        "",
        ...ids.map((id) => `- [${practice(id).title}](${url(id)}) — ${practice(id).source}`),
        "",
        `[Open this list](${site}${path})`,
      ].join("\n"),
    );
    await page.getByRole("button", { name: "Copy as text" }).click();
    await expect
      .poll(() => clipboard(page))
      .toBe(
        [
          "Conference prep",
          "Start here.",
          "",
          ...ids.map((id) => `${practice(id).title}: ${url(id)}`),
          "",
          `The whole list: ${site}${path}`,
        ].join("\n"),
      );
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => clipboard(page)).toBe(`${site}${path}`);
  });

  it("saves to my lists, keeps it over a reload, opens and deletes it", async () => {
    await page.goto(`${site}${path}`);
    await page.getByRole("button", { name: "Save to my lists" }).click();
    await expect.poll(() => announced(page)).toBe("Saved to your lists");
    await page.goto(`${site}/lists/`);
    const saved = page.locator("[data-saved-item]");
    await expect.poll(() => saved.count()).toBe(1);
    expect(await saved.getByRole("link").textContent()).toBe("Conference prep");
    expect(await saved.textContent()).toContain("2 practices");
    expect(await saved.getByRole("link").getAttribute("href")).toBe(path);
    const stored = await page.evaluate(([key]) => JSON.parse(localStorage.getItem(key!)!), [SAVED_LISTS_KEY]);
    expect(stored.lists[0]).toMatchObject({ title: "Conference prep", note: "Start here.", ids });
    expect(Number.isNaN(Date.parse(stored.lists[0].saved))).toBe(false);

    await page.getByRole("button", { name: "Delete: Conference prep" }).click();
    await expect.poll(() => saved.count()).toBe(0);
    expect(await page.locator("[data-saved-empty]").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("saved-heading");
  });

  it("edits a copy: the shared list becomes the working list", async () => {
    await page.goto(`${site}${path}`);
    await page.getByRole("button", { name: "Edit a copy" }).click();
    await page.waitForURL(`${site}/lists/`);
    await expect.poll(() => shownIds(page, "working")).toEqual(ids);
    expect(await page.getByLabel("Title").inputValue()).toBe("Conference prep");
  });

  it("prints as a checklist with each practice's full URL and no buttons", async () => {
    for (const view of ["shared", "working"] as const) {
      await page.goto(view === "shared" ? `${site}${path}` : `${site}/lists/`);
      await expect.poll(() => shownIds(page, view)).toEqual(ids);
      await page.emulateMedia({ media: "print" });
      const printed = await page.locator(`[data-view=${view}] [data-item]`).evaluateAll((items) =>
        items.map((li) => ({
          url: (li.querySelector("[data-item-url]") as HTMLElement).innerText,
          box: getComputedStyle(li.querySelector("[data-item-title]")!, "::before").content,
        })),
      );
      expect(printed).toEqual(ids.map((id) => ({ url: `${site}/practices/${id}/`, box: '"☐ "' })));
      const visibleButtons = await page.evaluate(
        () => [...document.querySelectorAll("button, input, textarea")].filter((b) => b.checkVisibility()).length,
      );
      expect(visibleButtons).toBe(0);
      expect(await page.locator("main").innerText()).toContain("Conference prep");
      await page.emulateMedia({ media: "screen" });
    }
  });
});

describe("Add to list in search results", () => {
  it("toggles the practice in the working list and says so, on /search/ and in the dialog", async () => {
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${site}/search/?q=${enc("elevator pitch")}`);
    const scope = page.locator("[data-search-page]");
    await resultsSettled(scope);
    const button = scope.getByRole("button", { name: "Add to list: Elevator Pitch" });
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    await button.click();
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    const ids = () =>
      page.evaluate(([key]) => JSON.parse(localStorage.getItem(key!) ?? "{}").ids as string[] | undefined, [LIST_KEY]);
    expect(await ids()).toEqual(["elevator-pitch"]);
    await expect.poll(() => announced(page)).toBe("Added Elevator Pitch to your list");
    // Space on the button toggles it rather than jumping back to the search field.
    await button.focus();
    await page.keyboard.press("Space");
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    expect(await ids()).toEqual([]);
    expect(await focusedLabel(page)).toBe("Add to list: Elevator Pitch");
    // Arrow keys go on from the button to the next result's link.
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("A");

    await page.goto(`${site}/`);
    await page.keyboard.press("/");
    await page.keyboard.type("arrive early");
    const dialog = page.locator("dialog[open]");
    await resultsSettled(dialog);
    await dialog.getByRole("button", { name: "Add to list: Arrive Early" }).click();
    expect(await ids()).toEqual(["arrive-early"]);
    await expect.poll(() => dialog.locator("[data-announcer]").textContent()).toBe("Added Arrive Early to your list");
    await page.keyboard.press("Escape");
    await page.goto(`${site}/lists/`);
    await expect.poll(() => shownIds(page, "working")).toEqual(["arrive-early"]);
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("says lists need JavaScript, links to A–Z and shows no dead controls", async () => {
    const context = await launch({ javaScript: false });
    const page = await context.newPage();
    await page.goto(`${site}/lists/?p=elevator-pitch`);
    expect(await page.locator("main").innerText()).toContain("Practice lists need JavaScript");
    expect(await page.locator("main").getByRole("link", { name: "All practices A–Z" }).getAttribute("href")).toBe(
      "/practices/",
    );
    expect(await page.locator("main button:visible, main input:visible").count()).toBe(0);
    await context.close();
  });
});

describe("layout shift on /lists/", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch();
    await context.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) w.__shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
      localStorage.setItem(
        "nbp:list:v1",
        JSON.stringify({ v: 1, title: "Mine", note: "", ids: ["elevator-pitch", "arrive-early"] }),
      );
    });
  });
  afterAll(async () => context?.close());

  for (const width of [390, 1280]) {
    it.each([
      ["working list", "/lists/"],
      [
        "shared list",
        "/lists/?p=elevator-pitch,be-genuine&title=A%20list%20with%20a%20title%20long%20enough%20to%20wrap",
      ],
    ])(`%s at ${width} px is 0`, async (_, path) => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${site}${path}`, { waitUntil: "load" });
      await page.waitForTimeout(800);
      expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
      await page.close();
    });
  }
});

describe.each(["light", "dark"] as const)("axe on /lists/, %s theme", (theme) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch({ colorScheme: theme });
  });
  afterAll(async () => context?.close());

  async function violations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }

  it("has zero violations with an empty working list", async () => {
    const page = await context.newPage();
    await page.goto(`${site}/lists/`);
    await expect.poll(() => page.locator("[data-view=working] [data-empty]").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(theme === "dark");
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it("has zero violations with a working list and a saved list", async () => {
    const page = await context.newPage();
    await openWorkingList(page, site, { title: "Mine", ids: ["elevator-pitch", "arrive-early", "gone"] });
    await page.getByRole("button", { name: "Save to my lists" }).click();
    await expect.poll(() => page.locator("[data-saved-item]").count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it("has zero violations with a shared list open", async () => {
    const page = await context.newPage();
    await page.goto(`${site}/lists/?p=elevator-pitch,no-such-practice,arrive-early&title=Shared&note=A%20note`);
    await expect.poll(() => shownIds(page, "shared")).toHaveLength(3);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
