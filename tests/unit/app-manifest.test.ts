import { describe, expect, it } from "vitest";
import { appManifest, APP_ICONS } from "../../src/lib/site/app-manifest.ts";
import { iconPng } from "../../src/lib/site/icon.ts";
import { markSvg } from "../../src/lib/site/mark.ts";

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe("the web app manifest", () => {
  it("makes the handbook installable: names, standalone display, and 192 and 512 px icons", () => {
    const manifest = appManifest("/");
    expect(manifest).toMatchObject({
      name: "Networking Best Practices",
      start_url: "/",
      scope: "/",
      display: "standalone",
    });
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    const png = manifest.icons.filter((i) => i.type === "image/png");
    expect(png.map((i) => `${i.sizes} ${"purpose" in i ? i.purpose : ""}`)).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
  });

  it("stays inside the base path the site is published under", () => {
    const manifest = appManifest("/handbook");
    expect(manifest.start_url).toBe("/handbook/");
    expect(manifest.scope).toBe("/handbook/");
    for (const icon of manifest.icons) expect(icon.src).toMatch(/^\/handbook\//);
  });
});

describe("the icons", () => {
  it.each(APP_ICONS.map((i) => [i.name, i] as const))("%s is a PNG of its stated size", (_, icon) => {
    const png = iconPng(icon.size, icon.maskable);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(pngSize(png)).toEqual([icon.size, icon.size]);
  });

  it("a maskable icon is full-bleed (no rounded corners to crop) and draws inside the safe zone", () => {
    expect(markSvg({ inset: 0.1 })).not.toContain('rx="7"');
    expect(markSvg({ inset: 0.1 })).toContain("scale(0.8)");
    expect(markSvg()).toContain('rx="7"');
  });
});
