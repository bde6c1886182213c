import { readFileSync } from "node:fs";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { AXE_TAGS, launch } from "./browser.ts";
import { RENAMED } from "./global-setup.ts";

const site = inject("siteUrl");
const aliasSite = inject("aliasSiteUrl");
const PROGRESS = "nbp:progress:v1";
const LIST = "nbp:list:v1";
const SECTION = "/sections/offline-networking-strategies/";

let context: BrowserContext;
let page: Page;
beforeEach(async () => {
  context = await launch({ width: 390 });
  page = await context.newPage();
});
afterEach(async () => context?.close());

const doneButton = (p: Page, title: string) => p.getByRole("button", { name: `I do this: ${title}`, exact: true });
const stored = (p: Page, key = PROGRESS) =>
  p.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null"), key) as Promise<{ done?: string[]; ids?: string[] }>;

describe("I do this", () => {
  it("a tick stays after a reload, and shows in the practice's section", async () => {
    await page.goto(`${site}/practices/business-cards/`);
    const button = doneButton(page, "Business Cards");
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await page.reload();
    expect(await doneButton(page, "Business Cards").getAttribute("aria-pressed")).toBe("true");
    expect((await stored(page)).done).toEqual(["business-cards"]);

    await page.goto(`${site}${SECTION}`);
    expect(await doneButton(page, "Business Cards").getAttribute("aria-pressed")).toBe("true");
    expect(await doneButton(page, "Arrive Early").getAttribute("aria-pressed")).toBe("false");
    // Pressing again takes the tick away.
    await doneButton(page, "Business Cards").click();
    expect((await stored(page)).done).toEqual([]);
  });

  it("counts ticks per section, per industry, on the A–Z list and overall", async () => {
    await page.goto(`${site}${SECTION}`);
    const tally = page.locator("main [data-tally]");
    expect(await tally.textContent()).toBe("18 practices");
    await doneButton(page, "Arrive Early").click();
    await doneButton(page, "Business Cards").click();
    expect(await tally.textContent()).toBe("2 of 18 practices done");

    await page.goto(`${site}/`);
    expect(await page.locator("[data-tally]").textContent()).toBe("2 of 166 practices done");
    await page.goto(`${site}/practices/`);
    expect(await page.locator("main [data-tally]").textContent()).toBe("2 of 166 practices done");
    // The A–Z list ticks those practices in the margin, with words for screen readers (generated content's alternative text).
    const ticked = page.locator("li.done");
    expect(await ticked.count()).toBe(2);
    expect(await ticked.first().evaluate((li) => getComputedStyle(li, "::before").content)).toBe(
      '"✓" / "you do this: "',
    );
    await page.goto(`${site}/sections/networking-fundamentals/`);
    expect(await page.locator("main [data-tally]").textContent()).toBe("10 practices");

    // An industry page counts the practices it recommends.
    await page.goto(`${site}/industries/technology/`);
    const industryTally = page.locator("main [data-tally]");
    const total = Number((await industryTally.textContent())!.match(/\d+/)![0]);
    await page.locator("[data-p] [data-k=done]").first().click();
    expect(await industryTally.textContent()).toBe(`1 of ${total} practices done`);
  });

  it("a tick in one tab appears in another", async () => {
    const other = await context.newPage();
    await other.goto(`${site}${SECTION}`);
    await page.goto(`${site}/practices/note-taking/`);
    await doneButton(page, "Note Taking").click();
    await expect.poll(() => doneButton(other, "Note Taking").getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => other.locator("main [data-tally]").textContent()).toBe("1 of 18 practices done");
  });

  it("a practice renamed after it was ticked keeps its tick", async () => {
    await page.goto(`${aliasSite}/`);
    await page.evaluate(
      ([key, id]) => localStorage.setItem(key!, JSON.stringify({ v: 1, done: [id] })),
      [PROGRESS, RENAMED.from],
    );
    await page.goto(`${aliasSite}/practices/${RENAMED.to}/`);
    const button = page.locator("[data-k=done]");
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await page.goto(`${aliasSite}/sections/${RENAMED.section}/`);
    expect(await page.locator("main [data-tally]").textContent()).toBe("1 of 10 practices done");
    // Unticking removes the old id too, so it cannot come back.
    await page.locator(`[data-p] [data-k=done][aria-pressed=true]`).click();
    expect((await stored(page)).done).toEqual([]);
  });

  it("where the browser refuses storage, ticks work for the visit and the reader is told once", async () => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await page.goto(`${site}${SECTION}`);
    await doneButton(page, "Arrive Early").click();
    expect(await doneButton(page, "Arrive Early").getAttribute("aria-pressed")).toBe("true");
    const announcer = page.locator("[data-announcer]");
    expect(await announcer.textContent()).toMatch(/can't save your marks/);
    await page.evaluate(() => ((document.querySelector("[data-announcer]") as HTMLElement).textContent = ""));
    await doneButton(page, "Business Cards").click();
    expect(await doneButton(page, "Business Cards").getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("main [data-tally]").textContent()).toBe("2 of 18 practices done");
    expect(await announcer.textContent()).toBe("");
  });

  it("without JavaScript no mark, list or copy control shows", async () => {
    const off = await launch({ javaScript: false });
    const p = await off.newPage();
    for (const path of [SECTION, "/practices/business-cards/", "/practices/", "/progress/"]) {
      await p.goto(`${site}${path}`);
      expect(await p.getByRole("button", { name: /I do this|Add to list|Copy link|Clear|Export|Import/ }).count()).toBe(
        0,
      );
    }
    expect(await p.locator("noscript").count()).toBe(1);
    await off.close();
  });
});

describe("Add to list on reading pages", () => {
  it("adds to and removes from the working list, keeping its title and note", async () => {
    await page.goto(`${site}/`);
    await page.evaluate(
      (key) =>
        localStorage.setItem(key, JSON.stringify({ v: 1, title: "Before the conference", note: "Read", ids: [] })),
      LIST,
    );
    await page.goto(`${site}${SECTION}`);
    await page.getByRole("button", { name: "Add to list: Arrive Early", exact: true }).click();
    await page.goto(`${site}/practices/`);
    await page.getByRole("button", { name: "Add to list: Business Cards", exact: true }).click();
    expect(await stored(page, LIST)).toEqual({
      v: 1,
      title: "Before the conference",
      note: "Read",
      ids: ["arrive-early", "business-cards"],
    });
    await page.goto(`${site}/practices/arrive-early/`);
    const button = page.getByRole("button", { name: "Add to list: Arrive Early", exact: true });
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await button.click();
    expect((await stored(page, LIST)).ids).toEqual(["business-cards"]);
  });

  it("copies each entry's own link in a section", async () => {
    await page.goto(`${site}${SECTION}`);
    await page.getByRole("button", { name: "Copy link to Business Cards", exact: true }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site}${SECTION}#business-cards`);
  });
});

describe("the progress page", () => {
  const tick = async (ids: string[]) => {
    await page.goto(`${site}/`);
    await page.evaluate(([key, done]) => localStorage.setItem(key as string, JSON.stringify({ v: 1, done })), [
      PROGRESS,
      ids,
    ] as const);
    await page.goto(`${site}/progress/`);
  };
  const status = () => page.locator("[data-progress-status]").textContent();
  const overall = () => page.locator("main > [data-tally], main [data-tally]").first().textContent();

  it("exports, clears and imports the ticks back: a round trip", async () => {
    await tick(["arrive-early", "business-cards", "be-genuine"]);
    expect(await overall()).toBe("3 of 166 practices done");
    expect(await page.locator("[data-scope]").first().locator("[data-tally]").textContent()).toBe(
      "1 of 10 practices done",
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export as JSON" }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), "progress-")), download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, "utf8")).done).toEqual(["arrive-early", "business-cards", "be-genuine"]);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Clear all ticks" }).click();
    expect(await overall()).toBe("166 practices");
    expect((await stored(page)).done).toEqual([]);

    await page.locator("[data-file]").setInputFiles(file);
    await expect.poll(status).toBe("Imported 3 ticks: 3 new, 0 already here.");
    expect(await overall()).toBe("3 of 166 practices done");
    expect(await doneButton(page, "Arrive Early").getAttribute("aria-pressed")).toBe("true");
  });

  it("refuses a file that is not a progress file, changing nothing, and reports ids it does not know", async () => {
    await tick(["arrive-early"]);
    const dir = mkdtempSync(join(tmpdir(), "progress-"));
    const foreign = join(dir, "bookmarks.json");
    writeFileSync(foreign, JSON.stringify({ done: ["business-cards"] }));
    await page.locator("[data-file]").setInputFiles(foreign);
    await expect.poll(status).toMatch(/^bookmarks\.json: This file is not a progress file.*Nothing was changed\.$/);
    expect((await stored(page)).done).toEqual(["arrive-early"]);

    const old = join(dir, "old.json");
    const format = "networking-best-practices/progress";
    writeFileSync(old, JSON.stringify({ format, version: 1, done: ["business-cards", "no-such-practice"] }));
    await page.locator("[data-file]").setInputFiles(old);
    await expect
      .poll(status)
      .toBe(
        "Imported 1 tick: 1 new, 0 already here. 1 practice is no longer in the handbook and was not imported: no-such-practice.",
      );
    expect((await stored(page)).done).toEqual(["arrive-early", "business-cards"]);
  });

  it("clears one section's ticks after asking, and keeps the rest", async () => {
    await tick(["arrive-early", "be-genuine"]);
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole("button", { name: "Clear ticks in Offline Networking Strategies" }).click();
    expect(asked).toMatch(/Clear the 1 tick in Offline Networking Strategies\?/);
    expect((await stored(page)).done).toEqual(["be-genuine"]);
    // Dismissing the question changes nothing.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.getByRole("button", { name: "Clear all ticks" }).click();
    expect((await stored(page)).done).toEqual(["be-genuine"]);
  });

  it("exports a Markdown checklist with the reader's ticks and full links", async () => {
    await tick(["arrive-early"]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export as Markdown checklist" }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), "progress-")), "checklist.md");
    await download.saveAs(file);
    const markdown = readFileSync(file, "utf8");
    expect(markdown).toContain(`- [x] [Arrive Early](${site}/practices/arrive-early/)`);
    expect(markdown).toContain(`- [ ] [Business Cards](${site}/practices/business-cards/)`);
    expect(markdown).toContain("## Offline Networking Strategies (1 of 18)");
  });
});

describe("axe on pages with marks", () => {
  let themed: BrowserContext;
  for (const theme of ["light", "dark"] as const) {
    describe(theme, () => {
      beforeAll(async () => {
        themed = await launch({ colorScheme: theme });
      });
      afterAll(async () => themed?.close());
      it.each(["/progress/", SECTION, "/practices/business-cards/", "/practices/"])(
        "%s has zero violations with ticks and a list",
        async (path) => {
          const p = await themed.newPage();
          await p.goto(`${site}/`);
          await p.evaluate(
            ([progress, list]) => {
              localStorage.setItem(progress!, JSON.stringify({ v: 1, done: ["business-cards", "arrive-early"] }));
              localStorage.setItem(list!, JSON.stringify({ v: 1, title: "", note: "", ids: ["arrive-early"] }));
            },
            [PROGRESS, LIST],
          );
          await p.goto(`${site}${path}`);
          const results = await new AxeBuilder({ page: p }).withTags(AXE_TAGS).analyze();
          expect(
            results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
          ).toEqual([]);
          await p.close();
        },
      );
    });
  }
});
