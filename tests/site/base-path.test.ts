import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { listFiles } from "../../src/lib/build/files.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { astroBuild } from "../support/astro-build.ts";
import { serveStatic } from "../support/preview.ts";

// A build hosted under a subpath: every internal link, stylesheet and script must carry the base.
const BASE = "/handbook";
let out = "";
let output = "";

beforeAll(() => {
  const run = astroBuild({ SITE_URL: "https://example.org", SITE_BASE: BASE });
  if (run.status !== 0) throw new Error(`build under ${BASE} failed:\n${run.output}`);
  out = run.outDir;
  output = run.output;
}, 180_000);

describe(`hosted under ${BASE}`, () => {
  it("every root-relative href and src starts with the base", () => {
    const wrong: string[] = [];
    for (const file of listFiles(out, ".html", ["pagefind"])) {
      const html = readFileSync(file, "utf8");
      for (const match of html.matchAll(/\s(?:href|src|content)="(\/[^"]*)"/g)) {
        if (!match[1]!.startsWith(`${BASE}/`)) wrong.push(`${file.slice(out.length)}: ${match[1]}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it("canonical URLs use the configured site and base; copied links the base, on the address the page is served from", () => {
    const html = readFileSync(join(out, "practices/elevator-pitch/index.html"), "utf8");
    expect(html).toContain('<link rel="canonical" href="https://example.org/handbook/practices/elevator-pitch/">');
    expect(html).toContain('<meta property="og:url" content="https://example.org/handbook/practices/elevator-pitch/">');
    expect(html).toContain('data-copy-link="/handbook/practices/elevator-pitch/"');
  });

  it("the change feed's addresses are absolute on the configured site and base, and every page links it under the base", () => {
    const feed = parseFeed(readFileSync(join(out, "changes.xml"), "utf8"));
    expect(feed.self).toBe("https://example.org/handbook/changes.xml");
    expect(feed.url).toBe("https://example.org/handbook/changes/");
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.url).toMatch(/^https:\/\/example\.org\/handbook\/(practices|sections|industries)\/[a-z0-9-]+\/$/);
      expect(item.id).toMatch(/^tag:example\.org,2026:\/(practices|sections|industries)\//);
    }
    const html = readFileSync(join(out, "practices/elevator-pitch/index.html"), "utf8");
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/handbook/changes.xml"');
  });

  it("a page's link card is announced under the base, and built where the host serves it from", () => {
    const html = readFileSync(join(out, "practices/elevator-pitch/index.html"), "utf8");
    const card = "https://example.org/handbook/og/practices/elevator-pitch.png";
    expect(html).toContain(`<meta property="og:image" content="${card}">`);
    expect(html).toContain(`<meta name="twitter:image" content="${card}">`);
    expect(existsSync(join(out, "og/practices/elevator-pitch.png"))).toBe(true);
  });

  it("a build with SITE_URL set does not warn about localhost", () => {
    expect(output).not.toContain("SITE_URL is not set");
  });

  it("_headers puts its rules under the base, where the host serves the files", () => {
    const headers = readFileSync(join(out, "_headers"), "utf8");
    expect(headers.match(/^\/\S*/gm)).toEqual([
      `${BASE}/*`,
      `${BASE}/pagefind/*`,
      `${BASE}/search/ui.json`,
      `${BASE}/changes.xml`,
      `${BASE}/_astro/*`,
    ]);
  });

  it("astro preview serves it under the base, as it was built", async () => {
    const { url, server } = await serveStatic(out, BASE);
    try {
      expect(new URL(url).pathname).toBe(BASE);
      expect((await fetch(`${url}/practices/elevator-pitch/`)).status).toBe(200);
      const missing = await fetch(`${url}/no-such-page/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe(readFileSync(join(out, "404.html"), "utf8"));
    } finally {
      await server.stop();
    }
  });
});
