import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildVersion } from "../../src/lib/build/version.ts";
import { nextViewCount, wantsShell } from "../../src/lib/offline/intent.ts";
import { cacheFor, formatSize, parseSaved, saveManifest, savedMessage, shellUrls } from "../../src/lib/offline/save.ts";

describe("the save manifest", () => {
  const files = [
    { path: "index.html", bytes: 100 },
    { path: "practices/a/index.html", bytes: 50 },
    { path: "practices/old/index.html", bytes: 5 },
    { path: "404.html", bytes: 10 },
    { path: "pagefind/pagefind-entry.json", bytes: 3 },
    { path: "pagefind/pagefind.js", bytes: 7 },
    { path: "pagefind/pagefind-ui.js", bytes: 900 },
    { path: "pagefind/index/en_1.pf_index", bytes: 11 },
    { path: "_astro/search-ui.x.js", bytes: 13 },
    { path: "og.png", bytes: 999 },
  ];
  it("lists every page at its address, the search under the base, and counts what it fetches", () => {
    const m = saveManifest(files, "/hb", "v1", new Set(["practices/old/index.html"]));
    expect(m.urls).toEqual([
      "/hb/_astro/search-ui.x.js",
      "/hb/",
      "/hb/pagefind/index/en_1.pf_index",
      "/hb/pagefind/pagefind-entry.json?ts=v1",
      "/hb/pagefind/pagefind.js",
      "/hb/practices/a/",
    ]);
    expect(m).toMatchObject({ version: "v1", pages: 2, bytes: 13 + 100 + 11 + 3 + 7 + 50 });
  });
  it("never saves a page's link card, which only link previews fetch", () => {
    const withCard = [...files, { path: "og/practices/a.png", bytes: 30_000 }];
    const m = saveManifest(withCard, "/hb", "v1", new Set());
    expect(m.urls.filter((url) => url.includes("/og"))).toEqual([]);
    expect(m.bytes).toBe(saveManifest(files, "/hb", "v1", new Set()).bytes);
  });
  it("sends each address to its cache", () => {
    expect(cacheFor("/hb/pagefind/pagefind.js", "/hb/")).toBe("nbp-search");
    expect(cacheFor("/hb/_astro/x.js", "/hb/")).toBe("nbp-assets");
    expect(cacheFor("/hb/search/ui.json", "/hb")).toBe("nbp-assets");
    expect(cacheFor("/hb/practices/a/", "/hb/")).toBe("nbp-pages");
  });
});

describe("the shell", () => {
  it("is the home, every section, A–Z, search, 404 and offline pages at their addresses, the manifest last", () => {
    const files = [
      "index.html",
      "sections/a/index.html",
      "sections/b/index.html",
      "practices/index.html",
      "practices/x/index.html",
      "search/index.html",
      "offline/index.html",
      "404.html",
      "lists/index.html",
      "sections/a/extra.html",
    ].map((path) => ({ path, bytes: 1 }));
    expect(shellUrls(files, "/hb")).toEqual([
      "/hb/404.html",
      "/hb/",
      "/hb/offline/",
      "/hb/practices/",
      "/hb/search/",
      "/hb/sections/a/",
      "/hb/sections/b/",
      "/hb/offline.json",
    ]);
  });

  it("is wanted from the second page view or in the installed app, never with Save-Data", () => {
    expect(wantsShell({ views: 1, installed: false, saveData: false })).toBe(false);
    expect(wantsShell({ views: 2, installed: false, saveData: false })).toBe(true);
    expect(wantsShell({ views: 1, installed: true, saveData: false })).toBe(true);
    expect(wantsShell({ views: 9, installed: true, saveData: true })).toBe(false);
  });

  it("counts page views from what is stored, starting again at one from anything else", () => {
    expect(nextViewCount(null)).toBe(1);
    expect(nextViewCount("1")).toBe(2);
    for (const damaged of ["", "x", "-3", "1.5", "1e400"]) expect(nextViewCount(damaged), damaged).toBe(1);
  });
});

describe("what the reader is told", () => {
  it("formats sizes in decimal units", () => {
    expect([0, 999, 1000, 840_400, 2_345_678, 12_600_000].map(formatSize)).toEqual([
      "0 B",
      "999 B",
      "1 KB",
      "840 KB",
      "2.3 MB",
      "13 MB",
    ]);
  });
  it("says when and how much was saved", () => {
    expect(savedMessage({ at: "2026-11-30T10:00:00Z", pages: 187, bytes: 2_300_000, version: "v" })).toBe(
      "Saved 30 Nov 2026 · 187 pages · 2.3 MB",
    );
    expect(savedMessage({ at: "2026-01-02T00:00:00Z", pages: 1, bytes: 500, version: "v" })).toBe(
      "Saved 2 Jan 2026 · 1 page · 500 B",
    );
  });
  it("reads a stored save back, and anything damaged as nothing", () => {
    const record = { at: "2026-11-30T10:00:00.000Z", pages: 3, bytes: 9, version: "v" };
    expect(parseSaved(JSON.stringify(record))).toEqual(record);
    for (const bad of [null, "", "{", "[]", '{"at":"nope","pages":1,"bytes":1,"version":"v"}', '{"at":"2026-01-01"}'])
      expect(parseSaved(bad)).toBeUndefined();
  });
});

describe("the build's version", () => {
  it("is the same for the same files and changes with any of them", () => {
    const dir = mkdtempSync(join(tmpdir(), "handbook-version-"));
    writeFileSync(join(dir, "a.md"), "one");
    const first = buildVersion([dir]);
    expect(buildVersion([dir])).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    writeFileSync(join(dir, "a.md"), "two");
    expect(buildVersion([dir])).not.toBe(first);
  });
});
