import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listPractices, parseSource, SourceParseError } from "../../src/lib/source.ts";
import { MINI_SOURCE } from "../fixtures/mini.ts";

describe("parseSource", () => {
  it("reads sections, subsections and practices with verbatim text and lines", () => {
    const doc = parseSource(MINI_SOURCE);
    expect(doc.title).toBe("Mini Handbook");
    expect(doc.sections.map((s) => s.title)).toEqual(["Overview", "Basics"]);
    expect(doc.sections[0]!.intro).toBe("A short handbook for tests.");
    expect(doc.sections[1]!.subsections.map((s) => [s.title, s.line])).toEqual([
      ["Listening", 9],
      ["Email", 13],
    ]);
    expect(doc.sections[1]!.subsections[0]!.practices[1]).toEqual({
      title: "Ask Questions",
      text: "Ask open questions",
      line: 11,
    });
  });

  it("keeps Markdown in the text as written, not as rendered", () => {
    const doc = parseSource("# T\n\n## S\n\n### Sub\n- **Quality vs. Quantity**: Use *fewer*, better `links` & more\n");
    expect(listPractices(doc)[0]).toMatchObject({
      title: "Quality vs. Quantity",
      text: "Use *fewer*, better `links` & more",
    });
  });

  it("reads the real source document: 12 sections, 32 subsections, 166 practices", () => {
    const doc = parseSource(readFileSync("content/source/networking-best-practices.md", "utf8"));
    expect(doc.sections).toHaveLength(12);
    expect(doc.sections.flatMap((s) => s.subsections)).toHaveLength(32);
    const practices = listPractices(doc);
    expect(practices).toHaveLength(166);
    const counts = new Map<string, number>();
    for (const p of practices) counts.set(p.title, (counts.get(p.title) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1)).toHaveLength(12);
  });

  it("names the line of a bullet that is not `**Title**: text`", () => {
    const bad = "# T\n\n## S\n\n### Sub\n- **Good**: fine\n- Plain bullet without a title\n";
    expect(() => parseSource(bad)).toThrow(SourceParseError);
    expect(() => parseSource(bad)).toThrow(/source line 7: .*bold title/);
  });

  it("rejects a list outside any subsection and a missing title", () => {
    expect(() => parseSource("# T\n\n## S\n\n- **A**: b\n")).toThrow(/line 5: .*### subsection/);
    expect(() => parseSource("## S\n")).toThrow(/no # title/);
  });
});
