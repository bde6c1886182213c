import { describe, expect, it } from "vitest";
import { headersFile } from "../../src/lib/build/headers.ts";

/** The header lines each path rule sets, as a host reads the file. */
function rules(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of file.split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    if (line.startsWith("/")) out.set(line, (current = []));
    else current!.push(line.trim());
  }
  return out;
}

describe("_headers", () => {
  it("sets the security headers for every page, HSTS included, without obsolete features", () => {
    const all = rules(headersFile({ base: "/", assets: "_astro" })).get("/*")!;
    expect(all).toContain("Content-Security-Policy: frame-ancestors 'none'");
    expect(all).toContain("X-Content-Type-Options: nosniff");
    expect(all).toContain("Strict-Transport-Security: max-age=31536000");
    expect(all.join("\n")).not.toContain("interest-cohort");
  });

  it("revalidates the search index, types the change feed as Atom and caches hashed assets for good", () => {
    const file = rules(headersFile({ base: "/", assets: "_astro" }));
    expect([...file.keys()]).toEqual(["/*", "/pagefind/*", "/search/ui.json", "/changes.xml", "/_astro/*"]);
    expect(file.get("/changes.xml")).toEqual(["Content-Type: application/atom+xml; charset=utf-8"]);
    expect(file.get("/pagefind/*")).toEqual(["Cache-Control: public, max-age=0, must-revalidate"]);
    expect(file.get("/_astro/*")).toEqual(["Cache-Control: public, max-age=31536000, immutable"]);
  });

  it("puts every rule under the base path, with or without its trailing slash", () => {
    const paths = [
      "/handbook/*",
      "/handbook/pagefind/*",
      "/handbook/search/ui.json",
      "/handbook/changes.xml",
      "/handbook/assets/*",
    ];
    expect([...rules(headersFile({ base: "/handbook", assets: "assets" })).keys()]).toEqual(paths);
    expect([...rules(headersFile({ base: "/handbook/", assets: "assets" })).keys()]).toEqual(paths);
  });
});
