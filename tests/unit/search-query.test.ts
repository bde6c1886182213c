import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declaredQuestions, questionExcerpt } from "../../src/lib/search/excerpt.ts";
import { highlightTerms } from "../../src/lib/search/highlight.ts";
import { isStopword, meaningfulTerms, plainForm, planQuery, queryWords } from "../../src/lib/search/query.ts";
import { rankPages, weakMatch, type WordHit } from "../../src/lib/search/rank.ts";
import { SYNONYMS } from "../../src/lib/search/synonyms.ts";

describe("a question as search reads it", () => {
  it("drops question words and stopwords, keeping what it is about", () => {
    expect(meaningfulTerms("How do I follow up after a conference?")).toEqual(["follow", "after", "conference"]);
    expect(meaningfulTerms("What should I write in the subject line")).toEqual(["write", "subject", "line"]);
    expect(isStopword("How")).toBe(true);
    expect(isStopword("without")).toBe(false);
  });

  it("reads apostrophes and accents as people type them", () => {
    expect(queryWords("I'm new; what’s a RÉSUMÉ?")).toEqual(["im", "new", "whats", "a", "résumé"]);
    expect(plainForm("Résumés")).toBe("resume");
    expect(plainForm("following")).toBe("follow");
    expect(plainForm("nervous")).toBe("nervous");
  });

  it("searches a query of stopwords only as typed, so 'be' still finds Be Punctual", () => {
    expect(planQuery("be").words).toEqual(["be"]);
    expect(planQuery("how do I").words).toEqual(["how", "do"]);
    expect(planQuery("").words).toEqual([]);
  });

  it("marks only meaningful words, each cut to the start its forms share", () => {
    expect(highlightTerms("how do I find meetups near me?")).toEqual(["find", "meetup", "near"]);
  });

  it("recognizes the longest phrase of the synonym list first", () => {
    const plan = planQuery("drinks at the social events");
    expect(plan.concepts.map((c) => c.text)).toEqual(["drinks", "social events"]);
    expect(plan.concepts[1]!.alternatives).toContainEqual(["reception"]);
  });
});

describe("the synonym list", () => {
  const phrases = SYNONYMS.flat();

  it("lists each phrase once, in lowercase", () => {
    expect(new Set(phrases).size).toBe(phrases.length);
    for (const phrase of phrases) expect(phrase).toBe(phrase.toLowerCase());
  });

  // The handbook's own text, to hold each group to a word the pages use.
  const dir = join(import.meta.dirname, "../../content/practices");
  const handbook = readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), "utf8"))
    .join("\n")
    .toLowerCase();

  describe.each(SYNONYMS.map((group) => [group.join(" ↔ "), group] as const))("%s", (_, group) => {
    it.each(group.map((phrase) => [phrase]))("a query with “%s” also searches the group's other phrases", (phrase) => {
      const plan = planQuery(`how do I handle ${phrase}?`);
      const concept = plan.concepts.find((c) => c.text === queryWords(phrase).join(" "));
      expect(concept, `"${phrase}" is read as one concept`).toBeDefined();
      for (const other of group) {
        const words = queryWords(other).filter((w) => !isStopword(w));
        const plain = (list: string[]) => list.map(plainForm).join(" ");
        expect(concept!.alternatives.map(plain)).toContain(plain(words.length ? words : queryWords(other)));
      }
    });

    it("names a phrase the handbook's pages use", () => {
      expect(group.some((phrase) => handbook.includes(phrase))).toBe(true);
    });
  });
});

describe("ranking pages from each word's own results", () => {
  const hit = (score: number, ...locations: number[]): WordHit => ({ score, locations });
  const hits = (table: Record<string, Record<string, WordHit>>) =>
    new Map(Object.entries(table).map(([w, pages]) => [w, new Map(Object.entries(pages))]));

  it("puts the page that matches every concept above one that matches fewer, even strongly", () => {
    const plan = planQuery("follow up after a conference");
    const ranked = rankPages(
      plan,
      hits({
        follow: { a: hit(5, 1), b: hit(1, 9) },
        after: { a: hit(1, 4), b: hit(1, 2) },
        conference: { b: hit(2, 7), c: hit(9, 0) },
      }),
    );
    expect(ranked.map((p) => p.id)).toEqual(["b", "a", "c"]);
    expect(ranked[0]).toEqual({ id: "b", score: 4, matched: 3, locations: [2, 7, 9] });
  });

  it("scores a concept by its best alternative, a phrase by the share of its words present", () => {
    const plan = planQuery("coffee chat");
    const ranked = rankPages(
      plan,
      hits({ informational: { a: hit(3, 1) }, interview: { a: hit(3, 2), b: hit(3, 5) }, coffee: { c: hit(1, 0) } }),
    );
    // a: the whole phrase "informational interview" (6); b: half of it (3 × ¼); c: half of "coffee chat" (¼).
    expect(ranked.map((p) => [p.id, p.score])).toEqual([
      ["a", 6],
      ["b", 0.75],
      ["c", 0.25],
    ]);
  });

  it("calls a match weak when the best page has under half of what was asked", () => {
    const plan = planQuery("salary negotiation conference");
    const one = rankPages(plan, hits({ conference: { a: hit(3, 0) } }));
    expect(weakMatch(plan, one)).toBe(true);
    const two = rankPages(plan, hits({ conference: { a: hit(3, 0) }, salary: { a: hit(1, 3) } }));
    expect(weakMatch(plan, two)).toBe(false);
    expect(weakMatch(planQuery("conference"), [])).toBe(false);
  });
});

describe("a result's declared questions", () => {
  const text =
    'Follow-up. Follow up within 48 hours. how soon should I follow up? what do I say to "so, what do you do?" Event Networking. Offline Networking. A note sent the day after…';
  const before = ["Follow-up", "Follow up within 48 hours"];
  const after = ["Event Networking", "Offline Networking"];

  it("are read from between the one-liner and the context", () => {
    expect(declaredQuestions(text, before, after)).toEqual([
      "how soon should I follow up?",
      'what do I say to "so, what do you do?"',
    ]);
    expect(declaredQuestions("Title. Body only.", ["Title"], after)).toEqual([]);
  });

  it("give the excerpt when one matched: the question with the most matched words, marked", () => {
    const words = text.split(/\s+/);
    const at = (word: string, from = 0) => words.indexOf(word, from);
    const soon = at("soon");
    const excerpt = questionExcerpt(
      text,
      [soon, at("follow", soon), 40],
      before,
      declaredQuestions(text, before, after),
    );
    expect(excerpt).toEqual([
      { text: "How ", marked: false },
      { text: "soon", marked: true },
      { text: " should I ", marked: false },
      { text: "follow", marked: true },
      { text: " up?", marked: false },
    ]);
    expect(questionExcerpt(text, [40], before, declaredQuestions(text, before, after))).toBeUndefined();
  });
});
