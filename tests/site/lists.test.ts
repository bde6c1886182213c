import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/lib/build/files.ts";
import { DIST, page } from "./dist.ts";

describe("/lists/", () => {
  it("has a generic title and description, so the preview of any list's link makes sense", () => {
    const html = page("/lists/");
    expect(html.querySelector("title")?.textContent).toBe("Practice lists · Networking Best Practices");
    expect(html.querySelector('meta[name="description"]')?.getAttribute("content")).toMatch(
      /^A list of practices from the Networking Best Practices handbook/,
    );
    expect(html.querySelector("h1")?.textContent).toBe("Practice lists");
  });

  it("carries every practice for its script, and no reading page carries any of it", () => {
    const data = JSON.parse(page("/lists/").querySelector("[data-lists-data]")!.textContent) as {
      practices: unknown[];
    };
    expect(data.practices.length).toBeGreaterThan(100);
    for (const file of listFiles(DIST, ".html", ["pagefind", "_astro", "lists", "progress"])) {
      const html = readFileSync(file, "utf8");
      // The lists script is a module of its own (it imports the storage code): no reading page loads a script file.
      expect(html.includes("data-lists-data") || /<script[^>]*\ssrc=/.test(html), relative(DIST, file)).toBe(false);
    }
    // The progress page's tools load the stored ticks' code, not the lists' data.
    expect(readFileSync(`${DIST}/progress/index.html`, "utf8")).not.toContain("data-lists-data");
  });
});
