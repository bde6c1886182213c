import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/lib/content/read-entries.ts";
import { namesakes } from "../../src/lib/site/grouping.ts";
import { analyzeBody, bodyProblems } from "../../src/lib/content/practice-parts.ts";

// The handbook's real content, held to the writing rules every practice follows.
const { content, problems } = loadContent("content");
const practices = content.practices.map((p) => ({ ...p.data, file: p.file, body: p.body }));
const all = [...content.home, ...content.sections, ...content.industries, ...content.practices];

describe("the handbook's content", () => {
  it("loads without schema problems", () => {
    expect(problems).toEqual([]);
  });

  it("has no placeholder left", () => {
    const placeholders = all.filter((e) => /\bTODO\b/.test(e.body) || JSON.stringify(e.data).includes("TODO"));
    expect(placeholders.map((e) => e.file)).toEqual([]);
  });

  it.each(practices.map((p) => [p.id, p] as const))(
    "%s explains itself in four parts of the right length",
    (_, practice) => {
      expect(bodyProblems(analyzeBody(practice.body))).toEqual([]);
    },
  );

  it("gives every practice 2–4 related practices that exist and are not itself", () => {
    const ids = new Set(practices.map((p) => p.id));
    const wrong = practices.filter(
      (p) => p.related.length < 2 || p.related.length > 4 || p.related.some((r) => r === p.id || !ids.has(r)),
    );
    expect(wrong.map((p) => `${p.file}: ${p.related.join(", ")}`)).toEqual([]);
  });

  it("links each of the 12 repeated titles to its namesakes", () => {
    const same = namesakes(practices);
    const repeated = practices.filter((p) => same.get(p.id)!.length > 0);
    expect(new Set(repeated.map((p) => p.title)).size).toBe(12);
    const missing = repeated.flatMap((p) =>
      same
        .get(p.id)!
        .filter((o) => !p.related.includes(o.id))
        .map((o) => `${p.file} does not relate ${o.id}`),
    );
    expect(missing).toEqual([]);
  });

  it("repeats no paragraph across entries", () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const entry of all) {
      for (const paragraph of analyzeBody(entry.body).paragraphs) {
        const key = paragraph.replace(/\s+/g, " ").trim().toLowerCase();
        // Salutations and sign-offs in example messages ("Best regards, Ana") may recur.
        if (key.split(" ").length < 8) continue;
        const first = seen.get(key);
        if (first && first !== entry.file)
          repeats.push(`${entry.file} repeats a paragraph of ${first}: "${paragraph.slice(0, 60)}…"`);
        seen.set(key, first ?? entry.file);
      }
    }
    expect(repeats).toEqual([]);
  });

  it("names no external URL", () => {
    const external = all.filter((e) => /https?:\/\/|www\./i.test(e.body));
    expect(external.map((e) => e.file)).toEqual([]);
  });

  it("has every industry recommend at least five general practices from other sections", () => {
    for (const industry of content.industries) {
      const own = new Set(practices.filter((p) => p.subsection === industry.data.subsection).map((p) => p.id));
      const general = industry.data.highlights.filter((h) => !own.has(h.practice));
      expect(general.length, industry.file).toBeGreaterThanOrEqual(5);
      for (const h of general)
        expect(h.why.split(" ").length, `${industry.file}: ${h.practice}`).toBeGreaterThanOrEqual(6);
    }
  });

  it("introduces every section and subsection", () => {
    for (const section of content.sections) {
      expect(analyzeBody(section.body).words, section.file).toBeGreaterThanOrEqual(40);
      for (const s of section.data.subsections)
        expect(s.intro.length, `${section.file}: ${s.title}`).toBeGreaterThan(20);
    }
  });
});
