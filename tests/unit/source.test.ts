import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { headingChunks, listPractices, parseSource, SourceParseError } from "../../src/lib/content/source.ts";
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
      ["Tech Industry", 18],
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

  it("reads every heading and bullet of the real source document, repeated titles included", () => {
    const source = readFileSync("content/source/networking-best-practices.md", "utf8");
    const count = (pattern: RegExp) => source.split("\n").filter((line) => pattern.test(line)).length;
    const doc = parseSource(source);
    expect(doc.sections).toHaveLength(count(/^## /));
    expect(doc.sections.flatMap((s) => s.subsections)).toHaveLength(count(/^### /));
    const practices = listPractices(doc);
    expect(practices).toHaveLength(count(/^- \*\*/));
    const titles = source.match(/^- \*\*(.+?)\*\*:/gm)!;
    expect(new Set(practices.map((p) => p.title)).size).toBe(new Set(titles).size);
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

describe("headingChunks", () => {
  const doc = "# T\n\n## A\n\nIntro\n\n### Sub\n- **X**: x\n\n```\n## not a heading\n```\n## B\n";

  it("cuts before each heading, losing nothing, each piece with its first line", () => {
    const chunks = headingChunks(doc);
    expect(chunks.map((c) => c.text).join("\n")).toBe(doc);
    expect(chunks.map((c) => [c.line, c.text.split("\n")[0]])).toEqual([
      [1, "# T"],
      [3, "## A"],
      [7, "### Sub"],
      [13, "## B"],
    ]);
  });

  it("does not cut inside a fenced code block or a document with HTML comments", () => {
    expect(headingChunks(doc).some((c) => c.text.startsWith("## not"))).toBe(false);
    expect(headingChunks("# T\n<!--\n## x\n-->\n")).toHaveLength(1);
  });

  it("reads the real source whole: every item found at its own line, verbatim", () => {
    const source = readFileSync("content/source/networking-best-practices.md", "utf8");
    const lines = source.split("\n");
    const parsed = parseSource(source);
    for (const section of parsed.sections) {
      expect(lines[section.line - 1]).toBe(`## ${section.title}`);
      for (const sub of section.subsections) expect(lines[sub.line - 1]).toBe(`### ${sub.title}`);
    }
    const practices = listPractices(parsed);
    expect(practices.length).toBeGreaterThan(0);
    for (const p of practices) expect(lines[p.line - 1]).toBe(`- **${p.title}**: ${p.text}`);
  });

  it("reports a problem after a cut at its line in the whole file", () => {
    expect(() => parseSource(doc)).toThrow(/source line 10: unexpected code/);
  });

  it("counts a lone carriage return as a line ending, as the Markdown parser and editors do", () => {
    // Found by fuzzing: pieces were cut and numbered at \n only, so a problem after a \r line named the wrong line.
    expect(headingChunks("# T\r## A\r\rx\n### S\r- y").map((c) => c.line)).toEqual([1, 2, 5]);
    expect(() => parseSource("# T\r## A\r\rx\n### S\r- y")).toThrow(/source line 6: the bullet does not start/);
    expect(() => parseSource("\r\u0000")).toThrow(/source line 2:/);
  });
});
