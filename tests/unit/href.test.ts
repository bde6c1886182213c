import { afterEach, describe, expect, it, vi } from "vitest";
import { absoluteHref, href } from "../../src/lib/site/href.ts";
import { paths } from "../../src/lib/site/urls.ts";

afterEach(() => vi.unstubAllEnvs());

describe("links with the configured base path", () => {
  it("at a domain root", () => {
    vi.stubEnv("BASE_URL", "/");
    expect(href(paths.practice("be-genuine"))).toBe("/practices/be-genuine/");
    expect(absoluteHref("https://example.org", paths.home())).toBe("https://example.org/");
  });

  it("under a subpath, with or without its trailing slash", () => {
    for (const base of ["/handbook/", "/handbook"]) {
      vi.stubEnv("BASE_URL", base);
      expect(href(paths.section("x", "y"))).toBe("/handbook/sections/x/#y");
      expect(absoluteHref("https://example.org", "/sitemap-index.xml")).toBe(
        "https://example.org/handbook/sitemap-index.xml",
      );
    }
  });
});
