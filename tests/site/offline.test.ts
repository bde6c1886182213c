import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SaveManifest } from "../../src/lib/offline/save.ts";
import { listFiles } from "../../src/lib/build/files.ts";

const dist = "dist";

describe("offline reading in the build", () => {
  it("publishes the worker, the save manifest and the offline page", () => {
    for (const file of ["sw.js", "offline.json", "offline/index.html"])
      expect(existsSync(join(dist, file)), file).toBe(true);
  });

  it("the worker keeps the home, section, A–Z, 404, search and offline pages and the save manifest as its shell", () => {
    const worker = readFileSync(join(dist, "sw.js"), "utf8");
    const sections = readFileSync(join(dist, "index.html"), "utf8").match(/href="\/sections\/[^"#]+\/"/g) ?? [];
    expect(sections.length).toBeGreaterThan(0);
    for (const address of [
      "/",
      "/practices/",
      "/404.html",
      "/offline/",
      "/search/",
      "/offline.json",
      ...sections.map((s) => s.slice(6, -1)),
    ])
      expect(worker, address).toContain(`"${address}"`);
    // Nothing else: the practices are the pages readers open, kept as they open them.
    expect(worker).not.toContain('"/practices/elevator-pitch/"');
  });

  it("the save manifest lists every page and Pagefind's entry under the build's version", () => {
    const manifest = JSON.parse(readFileSync(join(dist, "offline.json"), "utf8")) as SaveManifest;
    expect(manifest.urls).toContain("/practices/elevator-pitch/");
    expect(manifest.urls).toContain(`/pagefind/pagefind-entry.json?ts=${manifest.version}`);
    expect(manifest.pages).toBeGreaterThan(180);
    // Link cards are for link previews: neither saved nor in the shell.
    expect(manifest.urls.filter((url) => url.startsWith("/og/"))).toEqual([]);
    expect(readFileSync(join(dist, "sw.js"), "utf8")).not.toMatch(/"\/og\/[^"]*\.png"/);
    // The search asks Pagefind for the same version.
    expect(existsSync(join(dist, "_astro"))).toBe(true);
  });
});

describe("the installable app", () => {
  const pngSize = (file: string) => {
    const png = readFileSync(join(dist, file));
    return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
  };

  it("every page links the favicon and the manifest, and both are in the build", () => {
    const without: string[] = [];
    for (const file of listFiles(dist, ".html", ["pagefind", "_astro"])) {
      const html = readFileSync(file, "utf8");
      if (/<meta http-equiv="refresh"/i.test(html)) continue;
      if (
        !html.includes('<link rel="icon" href="/favicon.svg">') ||
        !html.includes('<link rel="manifest" href="/manifest.webmanifest">')
      )
        without.push(file);
    }
    expect(without).toEqual([]);
    expect(readFileSync(join(dist, "favicon.svg"), "utf8")).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it("the manifest names the handbook and lists icons drawn at their stated sizes", () => {
    const manifest = JSON.parse(readFileSync(join(dist, "manifest.webmanifest"), "utf8")) as {
      name: string;
      display: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toBe("Networking Best Practices");
    expect(manifest.display).toBe("standalone");
    for (const icon of manifest.icons.filter((i) => i.type === "image/png"))
      expect(pngSize(icon.src.slice(1)), icon.src).toBe(icon.sizes);
    expect(pngSize("apple-touch-icon.png")).toBe("180x180");
  });
});
