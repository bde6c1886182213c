import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { parse } from "node-html-parser";
import { listFiles } from "../../src/lib/build/files.ts";
import { describe, expect, it } from "vitest";
import { inlineBlocks } from "../../src/lib/build/csp.ts";
import { content, DIST } from "./dist.ts";

/** Every page the content makes, besides home, A–Z, search and 404. */
const contentPages = content.practices.length + content.sections.length + content.industries.length;

const files = listFiles(DIST, ".html", ["pagefind"]);
const pages = files.map((file) => ({
  file,
  path: `/${file.slice(DIST.length + 1)}`.replace(/index\.html$/, ""),
  html: readFileSync(file, "utf8"),
}));
const ids = new Map(
  pages.map((p) => [
    p.path,
    new Set(
      parse(p.html)
        .querySelectorAll("[id]")
        .map((e) => e.id),
    ),
  ]),
);

/** Resolves a site-relative URL to a built page path, a file, or nothing. */
function target(url: string): { path: string; anchor: string | undefined } | undefined {
  const [pathAndQuery = "", anchor] = url.split("#");
  const path = pathAndQuery.split("?")[0]!;
  if (ids.has(path)) return { path, anchor };
  if (ids.has(`${path}/`)) return { path: `${path}/`, anchor };
  const file = join(DIST, decodeURIComponent(path));
  return existsSync(file) && statSync(file).isFile() ? { path, anchor: undefined } : undefined;
}

describe("every built page", () => {
  it("was found", () => {
    expect(pages.length).toBeGreaterThanOrEqual(contentPages + 4);
  });

  it("links only to pages, files and anchors that exist", () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const a of parse(page.html).querySelectorAll("a[href]")) {
        const href = a.getAttribute("href")!;
        if (/^(https?:|mailto:|data:)/.test(href)) continue;
        const url = href.startsWith("#") ? `${page.path}${href}` : href;
        const found = target(url);
        if (!found) broken.push(`${page.path} → ${href}`);
        else if (found.anchor && !ids.get(found.path)?.has(found.anchor))
          broken.push(`${page.path} → ${href} (no id="${found.anchor}")`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("requests nothing from another host", () => {
    const external: string[] = [];
    for (const page of pages) {
      const html = parse(page.html);
      for (const el of html.querySelectorAll(
        "script[src], link[href], img[src], source[src], iframe[src], video[src], audio[src]",
      )) {
        const url = el.getAttribute("src") ?? el.getAttribute("href") ?? "";
        const rel = el.getAttribute("rel") ?? "";
        if (el.tagName === "LINK" && rel === "canonical") continue; // an identifier, not a request
        if (/^(https?:)?\/\//.test(url)) external.push(`${page.path}: <${el.tagName.toLowerCase()}> ${url}`);
      }
      for (const css of inlineBlocks(page.html).styles) {
        for (const m of css.matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')]+)/g))
          external.push(`${page.path}: CSS url(${m[1]})`);
        for (const m of css.matchAll(/@import\s+(?:url\()?["']?((?:https?:)?\/\/[^"')]+)/g))
          external.push(`${page.path}: CSS @import ${m[1]}`);
      }
    }
    expect(external).toEqual([]);
  });

  it("has a Content Security Policy that allows exactly its inline scripts, and no inline event handlers", () => {
    const wrong: string[] = [];
    for (const page of pages) {
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page.html)?.[1];
      if (!policy) {
        wrong.push(`${page.path}: no policy`);
        continue;
      }
      const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
      if (scriptSrc.includes("unsafe-inline")) wrong.push(`${page.path}: unsafe-inline`);
      for (const script of inlineBlocks(page.html).scripts) {
        const hash = `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
        if (!scriptSrc.includes(hash)) wrong.push(`${page.path}: inline script not hashed`);
      }
      if (/\son[a-z]+=/i.test(page.html.replace(/<script[\s\S]*?<\/script>/g, "")))
        wrong.push(`${page.path}: inline event handler`);
      for (const a of parse(page.html).querySelectorAll('a[target="_blank"]')) {
        if (!/noopener/.test(a.getAttribute("rel") ?? ""))
          wrong.push(`${page.path}: target=_blank without rel=noopener`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("passes html-validate with zero errors", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(".htmlvalidate.json", "utf8")));
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.html, page.path);
      for (const result of report.results)
        for (const m of result.messages) errors.push(`${page.path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors.slice(0, 20)).toEqual([]);
  });
});

describe("for crawlers and hosts", () => {
  it("robots.txt points at the sitemap, which lists the practices and not the 404 page", () => {
    const robots = readFileSync(join(DIST, "robots.txt"), "utf8");
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
    const sitemap = readdirSync(DIST)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => readFileSync(join(DIST, f), "utf8"))
      .join("");
    expect(sitemap).toContain("/practices/elevator-pitch/</loc>");
    expect(sitemap).not.toContain("/404");
    expect((sitemap.match(/<loc>/g) ?? []).length).toBeGreaterThanOrEqual(contentPages + 2);
  });

  it("ships the documented response headers file", () => {
    const headers = readFileSync(join(DIST, "_headers"), "utf8");
    for (const header of ["X-Content-Type-Options: nosniff", "Referrer-Policy", "frame-ancestors 'none'"])
      expect(headers).toContain(header);
  });
});
