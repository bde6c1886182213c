import { describe, expect, it } from "vitest";
import { outDirProblem, readConfig, readSite, siteUrlNotice } from "../../src/lib/config.ts";

const root = "/site";
const out = (dir: string, content = "content") =>
  outDirProblem(readConfig({ HANDBOOK_OUT_DIR: dir, HANDBOOK_CONTENT_DIR: content }, root), root);

describe("the output folder", () => {
  it("may be dist/, another folder of the project or one outside it", () => {
    expect(out("dist")).toBeUndefined();
    expect(out("build/site")).toBeUndefined();
    expect(out("/tmp/handbook-build")).toBeUndefined();
  });

  it.each([
    ["content", "is the content folder"],
    ["content/practices", "is inside the content folder"],
    ["content/source", "is inside the content folder"],
    ["src", "is src/"],
    ["public/x", "is inside public/"],
    [".", "is the project folder"],
    ["/", "contains the content folder"],
  ])("is refused when it is %s", (dir, says) => {
    const problem = out(dir)!;
    expect(problem.variable).toBe("HANDBOOK_OUT_DIR");
    expect(problem.message).toContain(says);
    expect(problem.fix).toMatch(/build into a folder of its own/);
  });

  it("is refused when it holds a content folder kept elsewhere", () => {
    expect(out("/data", "/data/handbook-content")!.message).toContain("contains the content folder");
  });
});

describe("the site's address and base path", () => {
  it("default to a local origin at the root", () => {
    expect(readSite({})).toEqual({ site: "http://localhost:4321", base: "/", problems: [] });
  });

  it("accept an https origin and a path-safe base", () => {
    expect(readSite({ SITE_URL: "https://example.org", SITE_BASE: "/handbook" }).problems).toEqual([]);
  });

  it.each([
    ["SITE_URL", { SITE_URL: "not-a-url" }, /"not-a-url" is not a URL/],
    ["SITE_URL", { SITE_URL: "javascript:alert(1)" }, /is not an http\(s\) address/],
    ["SITE_URL", { SITE_URL: "https://example.org/handbook" }, /has a path.*silently drop/],
    ["SITE_BASE", { SITE_BASE: "/a b/" }, /is not a path that links can carry/],
    ["SITE_BASE", { SITE_BASE: "handbook" }, /is not a path/],
  ])("refuse a bad %s, naming it and the fix", (variable, env, message) => {
    const [problem] = readSite(env).problems;
    expect(problem!.variable).toBe(variable);
    expect(problem!.message).toMatch(message);
    expect(problem!.fix).toMatch(/e\.g\.|SITE_BASE=/);
  });

  it("say where a path in SITE_URL belongs", () => {
    expect(readSite({ SITE_URL: "https://example.org/handbook/" }).problems[0]!.fix).toBe(
      "give the origin only (SITE_URL=https://example.org) and the path as SITE_BASE=/handbook",
    );
  });
});

describe("siteUrlNotice", () => {
  it("says plainly that links point at localhost without SITE_URL, and how to set it", () => {
    const notice = siteUrlNotice({ SITE_BASE: "/handbook" })!;
    expect(notice).toContain("SITE_URL is not set");
    expect(notice).toContain("http://localhost:4321/handbook");
    expect(notice).toMatch(/canonical URLs, link previews and the sitemap/);
    expect(notice).toMatch(/fix: .*SITE_URL=https:\/\/\S+ npm run build/);
  });

  it("is silent when SITE_URL is set", () => {
    expect(siteUrlNotice({ SITE_URL: "https://example.org" })).toBeUndefined();
  });
});
