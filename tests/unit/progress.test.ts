import { describe, expect, it } from "vitest";
import {
  clearTicks,
  currentIds,
  importSummary,
  mergeTicks,
  progressFile,
  progressMarkdown,
  PROGRESS_FORMAT,
  readProgressFile,
} from "../../src/lib/progress/progress-file.ts";

// Two practices; "follow-up" was once "follow-up-old".
const canonical = new Map([
  ["arrive-early", "arrive-early"],
  ["follow-up", "follow-up"],
  ["follow-up-old", "follow-up"],
]);
const when = new Date("2026-11-30T10:00:00Z");

describe("progress files", () => {
  it("round-trip: what is exported imports as the same ticks", () => {
    const text = progressFile(["follow-up", "arrive-early"], when);
    expect(JSON.parse(text)).toEqual({
      format: PROGRESS_FORMAT,
      version: 1,
      exported: "2026-11-30T10:00:00.000Z",
      done: ["follow-up", "arrive-early"],
    });
    expect(readProgressFile(text, canonical)).toEqual({ ok: true, ids: ["follow-up", "arrive-early"], unknown: [] });
  });

  it("reads old ids as the practice they now name, each once, and reports ids the handbook no longer has", () => {
    const text = JSON.stringify({ format: PROGRESS_FORMAT, version: 1, done: ["follow-up-old", "follow-up", "gone"] });
    expect(readProgressFile(text, canonical)).toEqual({ ok: true, ids: ["follow-up"], unknown: ["gone"] });
  });

  it.each([
    ["not JSON", "{done: [", /not JSON/],
    ["another site's JSON", JSON.stringify({ done: ["arrive-early"] }), /no "format"/],
    ["a list, not a file", JSON.stringify(["arrive-early"]), /no "format"/],
    ["a newer version", JSON.stringify({ format: PROGRESS_FORMAT, version: 2, done: [] }), /version 2/],
    ["ticks that are not ids", JSON.stringify({ format: PROGRESS_FORMAT, version: 1, done: [1, 2] }), /"done"/],
    ["no ticks at all", JSON.stringify({ format: PROGRESS_FORMAT, version: 1 }), /"done"/],
  ])("refuses %s, saying why and that nothing changed", (_, text, why) => {
    const result = readProgressFile(text, canonical);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatch(why);
      expect(result.problem).toMatch(/Nothing was changed/);
    }
  });
});

describe("ticks", () => {
  it("counts stored old ids as their practice, drops ids no practice has had", () => {
    expect(currentIds(["follow-up-old", "gone", "arrive-early", "follow-up"], canonical)).toEqual([
      "follow-up",
      "arrive-early",
    ]);
  });

  it("merges an import after what is there, without repeats", () => {
    expect(mergeTicks(["follow-up-old"], ["arrive-early", "follow-up"], canonical)).toEqual([
      "follow-up",
      "arrive-early",
    ]);
  });

  it("clears a practice under any id it has had, and leaves the rest", () => {
    expect(clearTicks(["follow-up-old", "arrive-early", "gone"], ["follow-up"], canonical)).toEqual([
      "arrive-early",
      "gone",
    ]);
  });

  it("says what an import did, naming the ids it left out", () => {
    expect(importSummary({ ids: ["a", "b", "c"], unknown: [] }, 1)).toBe("Imported 3 ticks: 1 new, 2 already here.");
    expect(importSummary({ ids: ["a"], unknown: ["gone"] }, 1)).toBe(
      "Imported 1 tick: 1 new, 0 already here. 1 practice is no longer in the handbook and was not imported: gone.",
    );
  });
});

describe("progressMarkdown", () => {
  it("is a checklist by section with counts, links and the reader's ticks", () => {
    const markdown = progressMarkdown(
      [
        {
          title: "Offline Networking Strategies",
          practices: [
            { title: "Arrive Early", url: "https://example.org/practices/arrive-early/", done: true },
            { title: "Follow-up [2]", url: "https://example.org/practices/follow-up/", done: false },
          ],
        },
      ],
      when,
    );
    expect(markdown).toBe(
      [
        "# Networking Best Practices: my progress",
        "",
        "Exported 2026-11-30: 1 of 2 practices done.",
        "",
        "## Offline Networking Strategies (1 of 2)",
        "",
        "- [x] [Arrive Early](https://example.org/practices/arrive-early/)",
        "- [ ] [Follow-up \\[2\\]](https://example.org/practices/follow-up/)",
        "",
      ].join("\n"),
    );
  });
});
