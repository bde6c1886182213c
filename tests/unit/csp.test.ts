import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineBlocks, policyFor, withCsp } from "../../src/lib/build/csp.ts";

const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><script>a()</script><style>b{}</style><script type="module" src="/x.js"></script></head><body><script type="module">c()</script></body></html>`;
const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
const THEME = "document.documentElement.classList.toggle('dark')";

/** A page as Astro writes it for a practice titled `title`: raw in attributes, escaped in text. */
const titled = (title: string) => {
  const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const attr = title.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escaped} · Handbook</title><meta property="og:title" content="${attr}"><script>${THEME}</script></head><body><h1>${escaped}</h1><button data-share-title="${attr}">Share</button><script type="module">share()</script></body></html>`;
};

describe("Content Security Policy", () => {
  it("finds inline scripts and styles, not external ones", () => {
    expect(inlineBlocks(page)).toEqual({ scripts: ["a()", "c()"], styles: ["b{}"] });
  });

  it("allows exactly the page's inline scripts by hash, never unsafe-inline", () => {
    const policy = policyFor(page);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash("a()")} ${hash("c()")}`);
    expect(policy).toContain(`style-src 'self' ${hash("b{}")}`);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("upgrade-insecure-requests");
    // Trusted Types, with the search's one policy the only name allowed.
    expect(policy).toContain("require-trusted-types-for 'script'; trusted-types search-ui sw;");
  });

  it("puts the policy right after the charset", () => {
    expect(withCsp(page)).toMatch(
      /^<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self';/,
    );
  });
});

describe("Content Security Policy on hostile input", () => {
  it("a tag in an attribute value is text: the page's own scripts keep their hashes", () => {
    const html = titled("Active Membership <script>");
    expect(inlineBlocks(html).scripts).toEqual([THEME, "share()"]);
    expect(policyFor(html)).toContain(`${hash(THEME)} ${hash("share()")}`);
  });

  it("a script closed inside an attribute value is never allow-listed", () => {
    const html = titled("Committee </title><script>alert(1)</script>");
    expect(inlineBlocks(html).scripts).toEqual([THEME, "share()"]);
    expect(policyFor(html)).not.toContain(hash("alert(1)"));
  });

  it("markup inside <title>, a comment or <textarea> is text, not a script", () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>A <script>t()</script> title</title><!-- <script>c()</script> --></head><body><textarea><script>x()</script></textarea><script>real()</script></body></html>`;
    expect(inlineBlocks(html).scripts).toEqual(["real()"]);
  });

  it("a script's text ends at the first </script>, as in the browser", () => {
    const html = `<html><head></head><body><script>let s = "<!-- x";</script><script>b()</script></body></html>`;
    expect(inlineBlocks(html).scripts).toEqual(['let s = "<!-- x";', "b()"]);
  });

  it("hashes the text the browser runs: line breaks normalised, inline SVG and template scripts included", () => {
    const html = `<html><head><meta charset="utf-8"><script>a()\r\nb()</script></head><body><svg><script>s()</script><style>p{}</style></svg><template><script>t()</script></template></body></html>`;
    expect(inlineBlocks(html)).toEqual({ scripts: ["a()\nb()", "s()", "t()"], styles: ["p{}"] });
  });

  it("escapes markup in attribute values and changes nothing else", () => {
    const html = titled("Committee </title><script>alert(1)</script>");
    const out = withCsp(html);
    expect(out).toContain(
      `<meta property="og:title" content="Committee &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;">`,
    );
    expect(out).toContain(`data-share-title="Committee &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`);
    expect(out.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, "")).toBe(
      html.replace(/(content|data-share-title)="([^"]*)"/g, (_, name: string, value: string) => {
        return `${name}="${value.replace(/</g, "&lt;").replace(/>/g, "&gt;")}"`;
      }),
    );
    expect(inlineBlocks(out).scripts).toEqual([THEME, "share()"]);
  });

  it("places the policy by the parsed page, not by text that looks like a tag", () => {
    // A lookalike charset tag in an attribute comes first; the policy must follow the real one.
    const html = `<!DOCTYPE html><html><head data-x='<meta charset="utf-8">'><meta charset="utf-8"><script>a()</script></head></html>`;
    expect(withCsp(html)).toContain(
      `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src`,
    );
    expect(withCsp(html)).toContain(`data-x='&lt;meta charset="utf-8"&gt;'`);
  });

  it("goes first in <head> when a script comes before the charset, and refuses a page without a head", () => {
    const html = `<html><head><script>a()</script><meta charset="utf-8"></head></html>`;
    expect(withCsp(html)).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy" content="[^"]+"><script>/);
    expect(() => withCsp("<p>just a paragraph</p>")).toThrow(/no <head>/);
  });
});
