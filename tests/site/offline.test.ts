import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SaveManifest } from "../../src/lib/offline/save.ts";

const dist = "dist";

describe("offline reading in the build", () => {
  it("publishes the worker, the save manifest and the offline page", () => {
    for (const file of ["sw.js", "offline.json", "offline/index.html"])
      expect(existsSync(join(dist, file)), file).toBe(true);
  });

  it("precaches the home, section, A–Z, 404, search and offline pages, and the save manifest", () => {
    const worker = readFileSync(join(dist, "sw.js"), "utf8");
    const urls = [...worker.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
    const sections = readFileSync(join(dist, "index.html"), "utf8").match(/href="\/sections\/[^"#]+\/"/g) ?? [];
    expect(sections.length).toBeGreaterThan(0);
    expect(urls).toEqual(
      expect.arrayContaining([
        "/index.html",
        "/practices/index.html",
        "/404.html",
        "/offline/index.html",
        "/search/index.html",
        "/offline.json",
        ...new Set(sections.map((s) => `${s.slice(6, -1)}index.html`)),
      ]),
    );
  });

  it("the save manifest lists every page and Pagefind's entry under the build's version", () => {
    const manifest = JSON.parse(readFileSync(join(dist, "offline.json"), "utf8")) as SaveManifest;
    expect(manifest.urls).toContain("/practices/elevator-pitch/");
    expect(manifest.urls).toContain(`/pagefind/pagefind-entry.json?ts=${manifest.version}`);
    expect(manifest.pages).toBeGreaterThan(180);
    // Link cards are for link previews: neither saved nor precached.
    expect(manifest.urls.filter((url) => url.startsWith("/og/"))).toEqual([]);
    expect(readFileSync(join(dist, "sw.js"), "utf8")).not.toMatch(/"\/og\/[^"]*\.png"/);
    // The search asks Pagefind for the same version.
    expect(existsSync(join(dist, "_astro"))).toBe(true);
  });
});
