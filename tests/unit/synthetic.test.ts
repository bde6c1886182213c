import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkHandbook } from "../../src/lib/content/check.ts";
import { formatCounts } from "../../src/lib/content/coverage.ts";
import { syntheticHandbook } from "../../src/lib/budgets/synthetic-content.ts";
import { miniFiles } from "../fixtures/mini.ts";

describe("synthetic handbook for the scale benchmark", () => {
  it("is factor times the size and still passes every content check", () => {
    const files = syntheticHandbook(miniFiles(), 3);
    const dir = mkdtempSync(join(tmpdir(), "handbook-synthetic-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const result = checkHandbook(dir, join(dir, "source/networking-best-practices.md"));
    expect(result.problems).toEqual([]);
    expect(formatCounts(result.coverage!)).toBe("sections 4/4 · subsections 9/9 · practices 18/18");
    expect(files["practices/ask-questions-3.mdx"]).toContain("id: ask-questions-3");
    expect(files["practices/follow-up-listening-2.mdx"]).toContain("- follow-up-email-2");
  });

  it("rejects a factor that is not a whole number", () => {
    expect(() => syntheticHandbook(miniFiles(), 0)).toThrow(/--factor/);
  });
});
