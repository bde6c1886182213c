import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { subsectionAnchor } from "../../src/lib/site/grouping.ts";
import { readSource } from "../../src/lib/content/check.ts";
import { listPractices } from "../../src/lib/content/source.ts";
import { readConfig } from "../../src/lib/config.ts";
import { readRegister } from "../../src/lib/content/source-register.ts";
import { content, CONTENT_DIR, DIST, page, text } from "./dist.ts";

const register = readRegister(CONTENT_DIR);

const source = readSource(readConfig().sourceFile);
const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

describe("the built handbook", () => {
  it("has one page per practice, section and industry", () => {
    expect(readdirSync(`${DIST}/practices`, { withFileTypes: true }).filter((d) => d.isDirectory())).toHaveLength(
      content.practices.length + content.practices.reduce((n, p) => n + p.data.aliases.length, 0),
    );
    // One practice per source bullet, one section page per topical `##` (the Overview is the home page).
    expect(content.practices).toHaveLength(listPractices(source).length);
    expect(readdirSync(`${DIST}/sections`)).toHaveLength(source.sections.length - 1);
    expect(readdirSync(`${DIST}/industries`)).toHaveLength(content.industries.length);
  });

  it.each(content.practices.map((p) => [p.data.id, p.data] as const))(
    "/practices/%s/ shows its title and verbatim source text",
    (id, data) => {
      const html = page(`/practices/${id}/`);
      expect(text(html.querySelector("h1"))).toBe(data.title);
      expect(decode(text(html.querySelector("main")))).toContain(data.source);
    },
  );

  it.each(content.sections.map((s) => [s.id, s] as const))(
    "/sections/%s/ carries an anchor for each practice and subsection",
    (id, section) => {
      const html = page(`/sections/${id}/`);
      for (const practice of content.practices.filter((p) => p.data.section === id)) {
        const element = html.getElementById(practice.data.id);
        expect(element, `#${practice.data.id} on /sections/${id}/`).not.toBeNull();
        expect(decode(text(element))).toContain(practice.data.title);
        expect(decode(text(element))).toContain(practice.data.source);
      }
      for (const subsection of section.data.subsections) {
        expect(
          html.getElementById(subsectionAnchor(subsection.title)),
          `#${subsectionAnchor(subsection.title)}`,
        ).not.toBeNull();
      }
    },
  );

  it.each(
    [...content.practices, ...content.industries]
      .filter((e) => e.data.reviewed || e.data.sources.length > 0)
      .map((e) => [e.id, e] as const),
  )("%s lists its sources as links under the body, and when it was last reviewed", (_, entry) => {
    const html = page("industries" in entry.data ? `/practices/${entry.id}/` : `/industries/${entry.id}/`);
    const footer = html.querySelector("main footer");
    const links = footer?.querySelectorAll("li a") ?? [];
    expect(links.map((a) => [decode(a.textContent), a.getAttribute("href")])).toEqual(
      entry.data.sources.map((key) => [register.byKey.get(key)!.title, register.byKey.get(key)!.url]),
    );
    if (entry.data.sources.length > 0) {
      expect(footer?.querySelectorAll("a").some((a) => a.getAttribute("href") === "/sources/")).toBe(true);
    }
    if (entry.data.reviewed) {
      const time = footer?.querySelector("time");
      expect(time?.getAttribute("datetime")).toBe(entry.data.reviewed);
      expect(text(footer)).toMatch(
        /Last reviewed (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/,
      );
    }
    // Sources are for the reader, not the search index.
    expect(footer?.getAttribute("data-pagefind-ignore")).toBe("");
  });

  it("/sources/ lists every source in the register once, at its own anchor, with the pages that cite it", () => {
    const html = page("/sources/");
    expect(register.sources.length).toBeGreaterThan(0);
    const cited = [...content.home, ...content.sections, ...content.industries, ...content.practices];
    for (const source of register.sources) {
      const item = html.getElementById(source.key);
      expect(item, `#${source.key} on /sources/`).not.toBeNull();
      const links = item!.querySelectorAll("a").map((a) => a.getAttribute("href"));
      expect(links[0]).toBe(source.url);
      const citing = cited.filter((e) => e.data.sources.includes(source.key));
      expect(citing.length, `${source.key} is cited`).toBeGreaterThan(0);
      for (const entry of citing) {
        const path = content.practices.includes(entry as never)
          ? `/practices/${entry.id}/`
          : content.industries.includes(entry as never)
            ? `/industries/${entry.id}/`
            : content.sections.includes(entry as never)
              ? `/sections/${entry.id}/`
              : "/";
        expect(links, `${source.key} links to ${path}`).toContain(path);
      }
      expect(text(item)).toContain(`${source.publisher}, ${source.year}.`);
    }
    expect(html.querySelectorAll("li[id]")).toHaveLength(register.sources.length);
  });

  it("has home with the Overview text and a link to every section", () => {
    const html = page("/");
    expect(text(html.querySelector("main"))).toContain(content.home[0]!.data.source);
    const links = html.querySelectorAll("main a").map((a) => a.getAttribute("href"));
    for (const section of content.sections) expect(links).toContain(`/sections/${section.id}/`);
  });

  it("reads from the first practice to the last by Next, each once, in the order the section pages list them", () => {
    const listed = [...content.sections]
      .sort((a, b) => a.data.order - b.data.order)
      .flatMap((s) =>
        page(`/sections/${s.id}/`)
          .querySelectorAll("main article.practice")
          .map((a) => a.id),
      );
    expect(listed).toHaveLength(content.practices.length);
    const read: string[] = [];
    let path: string | undefined = `/practices/${listed[0]}/`;
    while (path) {
      read.push(path.split("/")[2]!);
      const html = page(path);
      const next = html.querySelector('a[rel="next"]')?.getAttribute("href");
      const prev = html.querySelector('a[rel="prev"]')?.getAttribute("href");
      expect(prev, path).toBe(read.length > 1 ? `/practices/${read.at(-2)}/` : undefined);
      path = next;
    }
    expect(read).toEqual(listed);
  });

  it("has Pagefind's index", () => {
    expect(existsSync(`${DIST}/pagefind/pagefind.js`)).toBe(true);
    expect(existsSync(`${DIST}/pagefind/pagefind-entry.json`)).toBe(true);
    expect(readdirSync(`${DIST}/pagefind/index`).length).toBeGreaterThan(0);
  });
});

describe("the reader's marks", () => {
  it("are stored under the keys /lists/ and the progress page read (src/lib/lists/storage.ts)", async () => {
    const { LIST_KEY, PROGRESS_KEY } = await import("../../src/lib/lists/storage.ts");
    for (const path of ["/", "/sections/offline-networking-strategies/", "/practices/arrive-early/", "/practices/"]) {
      const scripts = page(path)
        .querySelectorAll("script")
        .map((s) => s.textContent)
        .join("\n");
      expect(scripts, path).toContain(`"${PROGRESS_KEY}"`);
      expect(scripts, path).toContain(`"${LIST_KEY}"`);
    }
  });

  it("have a slot on every practice of a section and a practice page, and a count on each list of them", () => {
    const section = page("/sections/offline-networking-strategies/");
    expect(section.querySelectorAll("article[data-p] [data-acts][data-copy]")).toHaveLength(18);
    expect(text(section.querySelector("main [data-tally]"))).toBe("18 practices");
    expect(page("/practices/arrive-early/").querySelector("article[data-p]")?.getAttribute("data-p")).toBe(
      "arrive-early",
    );
    expect(page("/").querySelector("[data-tally]")?.getAttribute("data-tally")).toBe(String(content.practices.length));
    expect(page("/practices/").querySelectorAll("li[data-p]")).toHaveLength(content.practices.length);
    expect(page("/progress/").querySelectorAll("li[data-p] [data-acts]")).toHaveLength(content.practices.length);
  });
});
