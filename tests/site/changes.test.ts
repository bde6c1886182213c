import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/lib/build/files.ts";
import { readSite } from "../../src/lib/config.ts";
import type { SaveManifest } from "../../src/lib/offline/save.ts";
import { CONTENT_DIR, DIST, page, text } from "./dist.ts";

/**
 * Every change note in the content folder, read straight from the files'
 * YAML (not through the handbook's reader or the feed code), with the page it
 * is published on.
 */
const notes = (["practices", "sections", "industries"] as const).flatMap((folder) =>
  readdirSync(join(CONTENT_DIR, folder))
    .filter((name) => name.endsWith(".mdx"))
    .flatMap((name) => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(CONTENT_DIR, folder, name), "utf8"))![1]!;
      const data = parseYaml(frontmatter) as { id?: string; changes?: { date: string; note: string }[] };
      const path = `/${folder}/${folder === "practices" ? data.id : name.slice(0, -4)}/`;
      return (data.changes ?? []).map((change, index) => ({ ...change, path, latest: index === 0 }));
    }),
);

const { site, base } = readSite();
/** An address on the built site, as the feed and canonical links write it. */
const absolute = (path: string) => new URL(`${base.replace(/\/$/, "")}${path}`, site).href;
/** The built file an absolute address on this site resolves to, or undefined. */
function builtFile(url: string): string | undefined {
  const { pathname } = new URL(url);
  const path = pathname.slice(base.replace(/\/$/, "").length);
  const file = join(DIST, path, path.endsWith("/") ? "index.html" : "");
  return existsSync(file) ? file : undefined;
}
const decode = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe("the content's change notes", () => {
  it("exist, so the feed and the page have something to show", () => {
    expect(notes.length).toBeGreaterThan(0);
  });
});

describe("/changes.xml", () => {
  const xml = readFileSync(join(DIST, "changes.xml"), "utf8");
  const feed = parseFeed(xml);

  it("is an Atom 1.0 feed with a title, an author, an updated date and self and alternate links on the site", () => {
    expect(feed.meta).toEqual({ type: "atom", version: "1.0" });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(feed.title).toBeTruthy();
    expect(feed.authors.length).toBeGreaterThan(0);
    expect(feed.url).toBe(absolute("/changes/"));
    expect(feed.self).toBe(absolute("/changes.xml"));
    expect(xml).toContain(`<id>${absolute("/changes/")}</id>`);
    const newest = notes
      .map((n) => n.date)
      .sort()
      .at(-1);
    expect(feed.updated?.toISOString()).toBe(`${newest}T00:00:00.000Z`);
  });

  it("has one entry per change note in the content", () => {
    expect(feed.items).toHaveLength(notes.length);
    const entries = feed.items.map((i) => `${i.url} ${i.updated?.toISOString().slice(0, 10)} ${i.description}`);
    expect(entries.sort()).toEqual(notes.map((n) => `${absolute(n.path)} ${n.date} ${n.note}`).sort());
  });

  it("gives each entry a unique id that no build date or base path is part of", () => {
    const ids = feed.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^tag:[^,]+,2026:\/(practices|sections|industries)\/[a-z0-9-]+\/\d{4}-\d{2}-\d{2}(\/\d+)?$/);
  });

  it("links each entry to its page by an absolute address that resolves to a built page", () => {
    for (const item of feed.items) {
      expect(item.url, item.id!).toMatch(/^https?:\/\//);
      expect(builtFile(item.url!), item.url!).toBeDefined();
      expect(item.title, item.url!).toBeTruthy();
    }
  });

  it("lists the newest notes first", () => {
    const dates = feed.items.map((i) => i.updated!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

describe("the feed from every page", () => {
  const pages = listFiles(DIST, ".html", ["pagefind"])
    .map((file) => ({ file, html: readFileSync(file, "utf8") }))
    // A renamed practice's old address only redirects.
    .filter(({ html }) => !/<meta http-equiv="refresh"/i.test(html));

  it("every page's head links the Atom feed", () => {
    const expected = `<link rel="alternate" type="application/atom+xml" href="${base.replace(/\/$/, "")}/changes.xml"`;
    const missing = pages.filter(({ html }) => !html.slice(0, html.indexOf("</head>")).includes(expected));
    expect(pages.length).toBeGreaterThan(180);
    expect(missing.map((p) => p.file)).toEqual([]);
  });
});

describe("/changes/ and its months", () => {
  const html = page("/changes/");
  const itemsOf = (path: string) =>
    page(path)
      .querySelectorAll("main section li")
      .map((li) => ({
        href: li.querySelector("a")?.getAttribute("href"),
        text: decode(text(li)),
        date: li.closest("section")?.querySelector("h2 time")?.getAttribute("datetime"),
      }));
  const months = [...new Set(notes.map((n) => n.date.slice(0, 7)))].sort().reverse();
  const has = (items: ReturnType<typeof itemsOf>, n: (typeof notes)[number]) =>
    items.some((i) => i.href === `${base.replace(/\/$/, "")}${n.path}` && i.text.includes(n.note) && i.date === n.date);

  it("lists every change note of its month on /changes/<yyyy-mm>/, with a link to its page, under the heading of its date", () => {
    for (const month of months) {
      const items = itemsOf(`/changes/${month}/`);
      const ofMonth = notes.filter((n) => n.date.startsWith(month));
      expect(items, month).toHaveLength(ofMonth.length);
      for (const n of ofMonth) expect(has(items, n), `${n.path}: ${n.note}`).toBe(true);
    }
  });

  it("shows the newest month on /changes/, and links every earlier month with an anchor for each of its days", () => {
    const items = itemsOf("/changes/");
    const newest = notes.filter((n) => n.date.startsWith(months[0]!));
    expect(items).toHaveLength(newest.length);
    for (const n of newest) expect(has(items, n), `${n.path}: ${n.note}`).toBe(true);
    for (const month of months.slice(1)) {
      expect(
        html.querySelector(`main nav a[href="${base.replace(/\/$/, "")}/changes/${month}/"]`),
        month,
      ).not.toBeNull();
    }
    // A link to a day shared before its month moved still finds an anchor on /changes/.
    for (const date of new Set(notes.map((n) => n.date)))
      expect(html.getElementById(`on-${date}`), date).not.toBeNull();
  });

  it("shows the days newest first, each a heading with a machine-readable date", () => {
    const days = months.flatMap((m) =>
      page(`/changes/${m}/`)
        .querySelectorAll("main h2 time")
        .map((t) => t.getAttribute("datetime")!),
    );
    expect(days).toEqual([...new Set(notes.map((n) => n.date))].sort().reverse());
    expect(html.querySelector("main h1")).not.toBeNull();
  });

  it("links the feed, and the footer of every page links here", () => {
    expect(html.querySelector(`main a[href="${base.replace(/\/$/, "")}/changes.xml"]`)).not.toBeNull();
    const practice = page(notes.find((n) => n.path.startsWith("/practices/"))!.path);
    expect(practice.querySelector(`body > footer a[href="${base.replace(/\/$/, "")}/changes/"]`)).not.toBeNull();
  });

  it("is in the sitemap, and a save for offline keeps it but not the feed", () => {
    const sitemap = readFileSync(join(DIST, "sitemap-0.xml"), "utf8");
    expect(sitemap).toContain(`<loc>${absolute("/changes/")}</loc>`);
    const manifest = JSON.parse(readFileSync(join(DIST, "offline.json"), "utf8")) as SaveManifest;
    expect(manifest.urls).toContain(`${base.replace(/\/$/, "")}/changes/`);
    expect(manifest.urls.some((u) => u.endsWith("changes.xml"))).toBe(false);
  });
});

describe("a page's latest change", () => {
  it.each(notes.filter((n) => n.latest).map((n) => [n.path, n] as const))(
    "%s shows its newest note under the body, dated",
    (path, n) => {
      const footer = page(path).querySelector("main footer");
      const time = footer?.querySelectorAll("time").find((t) => t.getAttribute("datetime") === n.date);
      expect(time, path).toBeDefined();
      expect(decode(text(footer))).toMatch(
        new RegExp(`Updated [A-Z][a-z]+ \\d{1,2}, \\d{4}: ${n.note.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
      );
    },
  );
});
