import { describe, expect, it } from "vitest";
import {
  overBudget,
  resourcesOf,
  weighPage,
  dependenciesOf,
  READING_PAGE_BUDGET,
} from "../../src/lib/budgets/page-weight.ts";
import { readConfig } from "../../src/lib/config.ts";
import { parseBody } from "../../src/lib/content/body.ts";
import { internalLinks, linkResolves } from "../../src/lib/content/body-links.ts";
import { analyzeBody, countWords, excerpt, firstSentence } from "../../src/lib/content/practice-parts.ts";
import { absoluteUrl, paths, withBase } from "../../src/lib/site/urls.ts";

describe("URLs", () => {
  it("apply the base path once, at a root or a subpath", () => {
    expect(withBase("/", paths.practice("be-genuine"))).toBe("/practices/be-genuine/");
    expect(withBase("/handbook/", paths.section("x", "y"))).toBe("/handbook/sections/x/#y");
    expect(withBase("/handbook", "/")).toBe("/handbook/");
    expect(absoluteUrl("https://example.org", "/handbook/", paths.practices())).toBe(
      "https://example.org/handbook/practices/",
    );
  });
});

describe("configuration", () => {
  it("reads the content folder from the environment, content/ by default", () => {
    expect(readConfig({}, "/site").contentDir).toBe("/site/content");
    expect(readConfig({ HANDBOOK_CONTENT_DIR: "/tmp/x" }, "/site").sourceFile).toBe(
      "/tmp/x/source/networking-best-practices.md",
    );
  });
});

describe("links in bodies", () => {
  it("finds site-relative links with their lines and checks them against published pages", () => {
    expect(
      internalLinks(parseBody("See [a](/practices/a/).\n\n[b](https://example.org) and [c](/sections/s/#x)")),
    ).toEqual([
      { href: "/practices/a/", line: 1 },
      { href: "/sections/s/#x", line: 3 },
    ]);
    const targets = new Map([["/sections/s/", new Set(["x"])]]);
    expect(linkResolves("/sections/s/#x", targets)).toBe(true);
    expect(linkResolves("/sections/s/#y", targets)).toBe(false);
    expect(linkResolves("/sections/t/", targets)).toBe(false);
  });
});

const BODY = `## Why it matters

People remember a short, specific note. It ties your name to the conversation you had.

## How to do it

1. Write within two days.
2. Mention one thing they said.
3. Offer one small next step.

## Example

<Message label="Note">

Hi Sam, thanks for the chat.

</Message>

## Watch out for

Sending the same template to everyone.
`;

describe("practice bodies", () => {
  it("counts words as a reader would", () => {
    expect(countWords("Follow-up within 24–48 hours, don't wait.")).toBe(7);
  });

  it("finds the four parts with their lines, the steps and the words, leaving out component tags", () => {
    const analysis = analyzeBody(parseBody(BODY));
    expect(analysis.headings.map((h) => h.text)).toEqual([
      "Why it matters",
      "How to do it",
      "Example",
      "Watch out for",
    ]);
    expect(analysis.headings[1]!.line).toBe(BODY.split("\n").indexOf("## How to do it") + 1);
    expect(analysis.steps).toEqual({ count: 3, line: BODY.split("\n").indexOf("1. Write within two days.") + 1 });
    expect(analysis.parts["Example"]).toBe("Hi Sam, thanks for the chat.");
    expect(analysis.words).toBeGreaterThan(30);
    expect(analysis.words).toBeLessThan(60);
  });

  it("does not count comments as words", () => {
    const words = (body: string) => analyzeBody(parseBody(body)).words;
    expect(words("One two three.\n\n{/* four five six seven */}\n")).toBe(3);
  });

  it("summarizes a practice by the first whole sentence of Why it matters, or not at all", () => {
    expect(excerpt(parseBody(BODY))).toBe("People remember a short, specific note.");
    // Never a teaser cut mid-phrase: a sentence too long to list is left out.
    expect(excerpt(parseBody(BODY), 30)).toBe("");
  });

  it("summarizes bodies that open otherwise: a paragraph over several lines, or the body's first paragraph", () => {
    const first = (body: string) => excerpt(parseBody(body), Infinity);
    expect(
      first(
        "## Why it matters\n\nA [linked](/practices/x/) and **bold** opening,\nwrapped onto a second line. Then more.\n",
      ),
    ).toBe("A linked and bold opening, wrapped onto a second line.");
    expect(first("No parts at all, only a paragraph.\n\nAnd another.\n")).toBe("No parts at all, only a paragraph.");
    expect(first("## Why it matters\n\n- a list first\n\nThen a paragraph.\n")).toBe("Then a paragraph.");
    expect(first("## Why it matters\n")).toBe("");
  });

  it("finds where the first sentence ends, past abbreviations, inside quotes and brackets", () => {
    expect(firstSentence("One. Two.")).toBe("One.");
    expect(firstSentence("Ask for advice, e.g. a name. Then go.")).toBe("Ask for advice, e.g. a name.");
    expect(firstSentence("Firms in the U.S. differ. Others too.")).toBe("Firms in the U.S. differ.");
    expect(firstSentence('He said "thanks." Then left.')).toBe('He said "thanks."');
    expect(firstSentence("Really? Yes.")).toBe("Really?");
    expect(firstSentence("It costs 3.5 hours (a lot.) 2 of them wasted.")).toBe("It costs 3.5 hours (a lot.)");
    expect(firstSentence("Ends with no stop")).toBe("Ends with no stop");
    expect(firstSentence("Calls end. “Quoted” starts the next.")).toBe("Calls end.");
  });
});

describe("page budgets", () => {
  const html = `<html><head><link rel="stylesheet" href="/a.css"><link rel="icon" href="data:image/svg+xml,x"><script type="module" src="/m.js"></script></head><body><img src="/i.png" loading="lazy"><img src="/j.png"></body></html>`;

  it("lists what a page fetches on load, skipping data: URLs and lazy images", () => {
    expect(resourcesOf(html).map((r) => `${r.kind} ${r.url}`)).toEqual(["css /a.css", "js /m.js", "image /j.png"]);
    expect(
      dependenciesOf("js", 'import{a}from"./c.js";import"./d.js";const x=import("./lazy.js")').map((r) => r.url),
    ).toEqual(["./c.js", "./d.js"]);
    expect(dependenciesOf("css", "a{background:url(/bg.png)}b{background:url(data:x)}").map((r) => r.url)).toEqual([
      "/bg.png",
    ]);
  });

  it("weighs a page with everything it pulls in, once each, and flags what is over", () => {
    const files: Record<string, string> = {
      "/a.css": "x{}",
      "/m.js": 'import"./c.js";',
      "/c.js": "1",
      "/j.png": "png",
    };
    const weight = weighPage("/", html, (path) => (files[path] === undefined ? undefined : Buffer.from(files[path]!)));
    expect(weight.resources.map((r) => r.url)).toEqual(["/", "/a.css", "/m.js", "/j.png", "/c.js"]);
    expect(weight.requests).toBe(5);
    expect(overBudget(weight, READING_PAGE_BUDGET)).toEqual(["5 requests > 1"]);
    expect(() => weighPage("/", html, () => undefined)).toThrow(/loads \/a.css, which is not in the build/);
  });

  it("weighs the favicon and the manifest apart: fetched in the background, they must exist but are not the page's requests", () => {
    const page = `<html><head><link rel="icon" href="/favicon.svg"><link rel="manifest" href="/app.webmanifest"></head></html>`;
    expect(resourcesOf(page)).toEqual([
      { url: "/favicon.svg", kind: "image", background: true },
      { url: "/app.webmanifest", kind: "other", background: true },
    ]);
    const files: Record<string, string> = { "/favicon.svg": "<svg/>", "/app.webmanifest": "x".repeat(5000) };
    const weight = weighPage("/", page, (path) => (files[path] === undefined ? undefined : Buffer.from(files[path]!)));
    expect(weight.requests).toBe(1);
    expect(weight.gzipBytes).toBe(weight.resources[0]!.gzipBytes);
    expect(weight.backgroundBytes).toBeGreaterThan(0);
    expect(overBudget(weight, READING_PAGE_BUDGET)).toEqual([]);
    expect(overBudget(weight, { ...READING_PAGE_BUDGET, backgroundBytes: 10 })).toEqual([
      `${weight.backgroundBytes} B gzip in the background (icons, manifest) > 10 B`,
    ]);
    expect(() => weighPage("/", page, () => undefined)).toThrow(/loads \/favicon.svg, which is not in the build/);
  });
});
