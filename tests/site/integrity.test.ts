import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { parse } from "node-html-parser";
import { parse as parseHtml, type DefaultTreeAdapterTypes } from "parse5";
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

/** Every element of a page as a browser parses it, template contents included. */
function* elements(node: DefaultTreeAdapterTypes.ParentNode): Generator<DefaultTreeAdapterTypes.Element> {
  for (const child of node.childNodes) {
    if (!("tagName" in child)) continue;
    yield child;
    yield* elements(child.tagName === "template" ? (child as DefaultTreeAdapterTypes.Template).content : child);
  }
}

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
      const all = [...elements(parseHtml(page.html))];
      const metas = all.filter((e) =>
        e.attrs.some((a) => a.name === "http-equiv" && a.value === "Content-Security-Policy"),
      );
      const policy = metas[0]?.attrs.find((a) => a.name === "content")?.value;
      if (metas.length !== 1 || !policy || metas[0]!.parentNode?.nodeName !== "head") {
        wrong.push(`${page.path}: not exactly one policy in <head>`);
        continue;
      }
      // The policy governs only what comes after it.
      const before = all
        .slice(0, all.indexOf(metas[0]!))
        .filter((e) => ["script", "style", "link"].includes(e.tagName));
      if (before.length) wrong.push(`${page.path}: <${before[0]!.tagName}> before the policy`);
      const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
      if (scriptSrc.includes("unsafe-inline")) wrong.push(`${page.path}: unsafe-inline`);
      const hashes = new Set(scriptSrc.split(" ").filter((s) => s.startsWith("'sha256-")));
      const scripts = inlineBlocks(page.html).scripts;
      const expected = new Set(scripts.map((s) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`));
      // Exactly: a hash of something that is not one of the page's scripts would let it run if injected.
      for (const hash of expected) if (!hashes.has(hash)) wrong.push(`${page.path}: inline script not hashed`);
      for (const hash of hashes) if (!expected.has(hash)) wrong.push(`${page.path}: ${hash} is no script of the page`);
      for (const element of all)
        for (const attr of element.attrs)
          if (/^on/i.test(attr.name)) wrong.push(`${page.path}: inline event handler ${attr.name}`);
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

  it("ships the documented response headers file, its rules for the site root", () => {
    const headers = readFileSync(join(DIST, "_headers"), "utf8");
    for (const header of ["X-Content-Type-Options: nosniff", "Referrer-Policy", "frame-ancestors 'none'"])
      expect(headers).toContain(header);
    expect(headers).toMatch(/^\s+Strict-Transport-Security: max-age=\d+/m);
    expect(headers).not.toContain("interest-cohort");
    expect(headers.match(/^\/\S*/gm)).toEqual(["/*", "/pagefind/*", "/search/ui.json", "/changes.xml", "/_astro/*"]);
    // The immutable rule is only right because every file there is named by its content.
    for (const file of readdirSync(join(DIST, "_astro"))) expect(file).toMatch(/\.[\w-]{8}\.(js|css)$/);
  });
});
