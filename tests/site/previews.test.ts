import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/lib/build/files.ts";
import { content, DIST, page } from "./dist.ts";
const meta = (html: ReturnType<typeof page>, key: string) =>
  html.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
const decode = (s: string | undefined) =>
  s
    ?.replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

/** The pages with a link card of their own, and what its description (og:image:alt) must say. */
const carded = [
  ...content.practices.map((p) => ({ path: `/practices/${p.data.id}/`, alt: `${p.data.title}: ${p.data.source}` })),
  ...content.sections.map((s) => ({ path: `/sections/${s.id}/`, alt: `${s.data.title}: ${s.data.summary}` })),
  ...content.industries.map((i) => ({
    path: `/industries/${i.id}/`,
    alt: `Networking in ${i.data.title}: ${i.data.summary}`,
  })),
];
const hasCard = new Set(carded.map((c) => c.path));

const pages = [
  "/",
  "/practices/",
  "/404.html",
  ...content.sections.map((s) => `/sections/${s.id}/`),
  ...content.industries.map((i) => `/industries/${i.id}/`),
  ...content.practices.map((p) => `/practices/${p.data.id}/`),
];

describe("link previews", () => {
  it.each(pages)("%s has a title, description, canonical URL, Open Graph and Twitter tags", (path) => {
    const html = page(path);
    expect(html.querySelector("title")?.textContent).toBeTruthy();
    for (const key of [
      "description",
      "og:title",
      "og:description",
      "og:url",
      "og:type",
      "og:image",
      "twitter:card",
      "twitter:image",
    ]) {
      expect(meta(html, key), `${path} ${key}`).toBeTruthy();
    }
    const canonical = html.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "";
    expect(canonical).toMatch(/^https?:\/\//);
    expect(meta(html, "og:url")).toBe(canonical);
    if (path !== "/404.html") expect(new URL(canonical).pathname).toBe(path);
    expect(meta(html, "og:image")).toMatch(
      hasCard.has(path)
        ? /^https?:\/\/[^/]+\/og\/(practices|sections|industries)\/[^/]+\.png$/
        : /^https?:\/\/[^/]+\/og\.png$/,
    );
    expect(meta(html, "twitter:image")).toBe(meta(html, "og:image"));
  });

  it.each(content.practices.map((p) => [p.data.id, p.data] as const))(
    "a practice's preview shows its title and source text: %s",
    (id, data) => {
      const html = page(`/practices/${id}/`);
      expect(meta(html, "og:title")).toBe(data.title);
      expect(meta(html, "og:description")).toContain(data.source);
      expect(meta(html, "og:type")).toBe("article");
      expect(html.querySelector("title")?.textContent).toContain(data.title);
    },
  );

  it("the preview image is in the build", () => {
    expect(readdirSync("dist")).toContain("og.png");
  });
});

/** Width and height from a PNG's header (its IHDR chunk), or undefined for a file that is not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature) || png.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("link cards", () => {
  it.each(carded)(
    "$path points at its own 1200 × 630 card of at most 80 KB, described by its title and text",
    ({ path, alt }) => {
      const html = page(path);
      const file = join(DIST, new URL(meta(html, "og:image")!).pathname);
      expect(existsSync(file), `${path}: ${file}`).toBe(true);
      const png = readFileSync(file);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(png.length).toBeLessThanOrEqual(80_000);
      expect(decode(meta(html, "og:image:alt"))).toBe(alt);
    },
  );

  it("no two pages share a card, and every card drawn belongs to a page", () => {
    const images = carded.map(({ path }) => new URL(meta(page(path), "og:image")!).pathname);
    expect(new Set(images).size).toBe(carded.length);
    const drawn = listFiles(join(DIST, "og")).map((file) => file.slice(DIST.length).split("\\").join("/"));
    expect(drawn.sort()).toEqual([...images].sort());
  });
});
