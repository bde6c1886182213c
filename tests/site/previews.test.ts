import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { content, page } from "./dist.ts";
const meta = (html: ReturnType<typeof page>, key: string) =>
  html.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");

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
    expect(meta(html, "og:image")).toMatch(/^https?:\/\/.*\/og\.png$/);
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
