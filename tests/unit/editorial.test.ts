import { describe, expect, it } from "vitest";
import { BodyError, parseBody } from "../../src/lib/content/body.ts";
import { checkHandbook } from "../../src/lib/content/check.ts";
import { readPending } from "../../src/lib/content/editorial.ts";
import { lowercaseWords, namesCast } from "../../src/lib/content/names.ts";
import { loadContent } from "../../src/lib/content/read-entries.ts";
import { formatSameness, samenessReport } from "../../src/lib/content/sameness.ts";
import { isWebUrl } from "../../src/lib/content/schemas.ts";
import { textSimilarity } from "../../src/lib/content/similarity.ts";
import { britishSpellings } from "../../src/lib/content/spelling.ts";
import { formatIsoDate } from "../../src/lib/site/dates.ts";
import { writeFixture } from "../fixtures/mini.ts";

describe("British spellings", () => {
  it("finds the families and the single words, and gives the American form in the word's case", () => {
    const found = britishSpellings(
      "Organise the programme; we realised the colour of the centre. Travelling? Practise it. Send your CV.",
    );
    expect(found.map((f) => `${f.word}→${f.american}`)).toEqual([
      "Organise→Organize",
      "programme→program",
      "realised→realized",
      "colour→color",
      "centre→center",
      "Travelling→Traveling",
      "Practise→Practice",
      "CV→résumé",
    ]);
  });

  it("keeps prefixes and inflections: reorganised, favourite, unrecognised", () => {
    expect(britishSpellings("reorganised favourites unrecognised").map((f) => f.american)).toEqual([
      "reorganized",
      "favorites",
      "unrecognized",
    ]);
  });

  it("leaves words that are -ise, -our or -re in American English too", () => {
    expect(
      britishSpellings(
        "advise, compromise, enterprise, exercise, expertise, revise, surprise, premise, four, hour, your, tour, analysis, analyses, dialogue, acre, cv",
      ),
    ).toEqual([]);
  });
});

describe("names cast as people", () => {
  const lower = lowercaseWords(["instead the meeting went well and forecasts grew"]);

  it("finds greetings, appositions, subjects of past-tense verbs, possessives and sign-offs", () => {
    const text = "Hi Elif, thanks.\nKwame, a nurse, asked twice. Lucía sent it. Then Tariq's reply came.";
    expect(namesCast(text, lower, [{ text: "Mateus", index: 99 }]).map((n) => n.name)).toEqual([
      "Elif",
      "Kwame",
      "Lucía",
      "Tariq",
      "Mateus",
    ]);
  });

  it("skips ordinary words at a sentence's start, titles, days and platforms", () => {
    const text =
      "Instead, the reply came. Forecasts showed it. Dr Okafor asked. Monday's call ran late. Slack sent a ping.";
    expect(namesCast(text, lower).map((n) => n.name)).toEqual(["Okafor"]);
  });
});

describe("how alike two texts read", () => {
  it("is 1 for the same words, 0 for none shared, and sees the same advice in other word forms", () => {
    expect(textSimilarity("summarize the talk and follow up", "summarize the talk and follow up")).toBeCloseTo(1);
    expect(textSimilarity("summarize the talk", "bring business cards")).toBe(0);
    const same = textSimilarity(
      "Summarize what they said, ask a follow-up question, note one detail.",
      "Summarizing what was said, asking follow-up questions and noting details.",
    );
    const different = textSimilarity(
      "Summarize what they said, ask a follow-up question, note one detail.",
      "Arrive early, find the quiet corner and leave before the speeches.",
    );
    expect(same).toBeGreaterThan(0.5);
    expect(different).toBeLessThan(0.1);
  });
});

describe("source addresses and review dates", () => {
  it("accepts http(s) addresses with a host and refuses the rest", () => {
    expect(isWebUrl("https://www.science.org/doi/10.1126/science.abl4476")).toBe(true);
    for (const bad of [
      "www.example.org",
      "https://localhost/x",
      "ftp://example.org",
      "https://exa mple.org",
      "javascript:alert(1)",
    ]) {
      expect(isWebUrl(bad), bad).toBe(false);
    }
  });

  it("writes a review date as an American reader does", () => {
    expect(formatIsoDate("2026-11-30")).toBe("November 30, 2026");
    expect(formatIsoDate("2027-01-05")).toBe("January 5, 2027");
    expect(() => formatIsoDate("30/11/2026")).toThrow(/YYYY-MM-DD/);
  });

  it("refuses a date that is not on the calendar, at its line", () => {
    const { dir, source } = writeFixture((f) => {
      f["practices/subject-lines.mdx"] = f["practices/subject-lines.mdx"]!.replace(
        "reviewed: 2026-01-15",
        "reviewed: 2026-02-30",
      );
    });
    const problems = checkHandbook(dir, source).problems.filter((p) => p.field === "reviewed");
    expect(problems).toEqual([
      expect.objectContaining({ line: 8, message: "this is not a calendar date; write a real day as YYYY-MM-DD" }),
    ]);
  });
});

describe("the list of practices waiting for review", () => {
  it("reads ids, former ids and comments, and refuses ids that are not practices", () => {
    const { pending, problems } = readPending(
      "# note\nask-questions\nold-name\nnope # gone\n",
      "pending.txt",
      new Map([
        ["ask-questions", "ask-questions"],
        ["old-name", "new-name"],
      ]),
    );
    expect([...pending]).toEqual(["ask-questions", "new-name"]);
    expect(problems).toEqual([
      expect.objectContaining({ file: "pending.txt", line: 4, message: '"nope" is not a practice id' }),
    ]);
  });
});

describe("message channels", () => {
  it("accepts a known channel and refuses an unknown one with the list", () => {
    expect(() => parseBody('<Message label="Note" channel="email">\n\nHi.\n\n</Message>\n')).not.toThrow();
    expect(() => parseBody('<Message label="Note" channel="fax">\n\nHi.\n\n</Message>\n')).toThrow(BodyError);
    expect(() => parseBody('<Message label="Note" channel="fax">\n\nHi.\n\n</Message>\n')).toThrow(
      /"linkedin-invitation"/,
    );
  });
});

describe("the sameness report", () => {
  it("counts outlines, sizes, steps, phrases, names and namesakes over the mini handbook", () => {
    const { dir } = writeFixture((f) => {
      f["practices/ask-questions.mdx"] += "\nKwame, a nurse, asked rather than told.\n";
      f["practices/short-replies.mdx"] += "\nKwame sent it rather than waiting.\n";
      // A link's address is not prose: only its text counts.
      f["practices/open-source.mdx"] += "\nSee [the basics](/practices/rather-than/).\n";
    });
    const report = samenessReport(loadContent(dir).content);
    expect(report.practices).toBe(6);
    expect(report.reviewed).toBe(6);
    expect(report.outline).toEqual({ parts: "Why it matters → How to do it → Example → Watch out for", share: 1 });
    expect(report.steps).toEqual({ 3: 6 });
    expect(report.words.min).toBeGreaterThanOrEqual(120);
    expect(report.phrases.find((p) => p.phrase === "rather than")).toEqual({
      phrase: "rather than",
      pages: 2,
      cap: 20,
    });
    expect(report.names).toEqual([{ name: "Kwame", pages: 2 }]);
    expect(report.siblings.map((s) => [s.a, s.b].sort())).toEqual([["follow-up-email", "follow-up-listening"]]);
    const text = formatSameness(report);
    expect(text).toContain("Practices: 6 · reviewed 6 · with sources 0");
    expect(text).toContain("Outline: 100% of practices use");
    expect(text).toContain("Names on more than one page (cap 3):\n  Kwame 2");
  });
});
