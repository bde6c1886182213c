import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/lib/build/files.ts";

describe("listFiles", () => {
  it("finds files by suffix in nested folders, skipping the named ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "handbook-files-"));
    for (const path of ["index.html", "a/index.html", "a/b.css", "pagefind/x.html"]) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), "");
    }
    expect(
      listFiles(dir, ".html", ["pagefind"])
        .map((f) => relative(dir, f))
        .sort(),
    ).toEqual(["a/index.html", "index.html"]);
    expect(listFiles(dir)).toHaveLength(4);
  });
});
