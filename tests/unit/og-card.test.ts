import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cardKey,
  cardTree,
  DESIGN,
  handbookCards,
  industryCard,
  layoutCard,
  layoutHeight,
  MAIN_HEIGHT,
  practiceCard,
  sectionCard,
  type CardElement,
  type Measure,
} from "../../src/lib/og/card.ts";
import { balance, clamp, fitLines, greedy, wordsOf, type WidthOf } from "../../src/lib/og/wrap.ts";

/** Ten pixels a character, spaces included: easy widths to reason about. */
const tenEach: WidthOf = (text) => [...text].length * 10;
/** A face-blind measure in ems: every character half an em wide (about the sans's average). */
const halfEm: Measure = (_face, text) => [...text].length * 0.5;

describe("breaking lines between words", () => {
  it("fills each line and never splits a word", () => {
    const { lines, overflows } = greedy(wordsOf("aaa bbb ccc ddd"), tenEach, 75);
    expect(lines).toEqual(["aaa bbb", "ccc ddd"]);
    expect(overflows).toBe(false);
    expect(wordsOf("  a\n b\tc ")).toEqual(["a", "b", "c"]);
  });

  it("says when a word is wider than the line, and keeps it whole on its own line", () => {
    expect(greedy(["a", "abcdefghij", "b"], tenEach, 50)).toEqual({ lines: ["a", "abcdefghij", "b"], overflows: true });
  });

  it("balances lines: as many as first fit needs, none left with one short word", () => {
    const words = wordsOf("Networking Best Practices by Industry");
    expect(greedy(words, tenEach, 300).lines).toEqual(["Networking Best Practices by", "Industry"]);
    expect(balance(words, tenEach, 300).lines).toEqual(["Networking Best", "Practices by Industry"]);
    expect(balance(["one"], tenEach, 300).lines).toEqual(["one"]);
  });

  it("cuts a text that needs too many lines after a whole word, with an ellipsis that fits", () => {
    const lines = clamp(wordsOf("aaa bbb ccc ddd eee fff"), tenEach, 75, 2);
    expect(lines).toEqual(["aaa bbb", "ccc…"]);
    for (const line of lines) expect(tenEach(line)).toBeLessThanOrEqual(75);
  });

  it("shortens inside a word only when the word alone is wider than the line", () => {
    expect(clamp(["abcdefghijkl"], tenEach, 50, 1)).toEqual(["abcd…"]);
  });

  it("balances when the lines fit, clamps when they do not", () => {
    const words = wordsOf("aaa bbb ccc ddd eee");
    expect(fitLines(words, tenEach, 115, 2)).toEqual(["aaa bbb ccc", "ddd eee"]);
    expect(fitLines(words, tenEach, 75, 2)).toEqual(["aaa bbb", "ccc…"]);
  });
});

describe("a page's card", () => {
  const practice = { id: "crm-systems", title: "CRM Systems", source: "Use customer relationship management systems" };
  it("a practice's: its title and one-liner, labelled with its section, at /og/practices/<id>.png", () => {
    expect(practiceCard({ ...practice, sectionTitle: "Networking Tools and Resources" })).toEqual({
      path: "/og/practices/crm-systems.png",
      alt: "CRM Systems: Use customer relationship management systems",
      label: "Networking Tools and Resources",
      title: "CRM Systems",
      text: "Use customer relationship management systems",
    });
  });

  it("a section's and an industry's: title, summary and how many practices", () => {
    const section = sectionCard({ id: "s", title: "Relationship Building", summary: "Keep in touch.", practices: [1] });
    expect(section).toMatchObject({ path: "/og/sections/s.png", label: "Section · 1 practice" });
    expect(section.alt).toBe("Relationship Building: Keep in touch.");
    const industry = industryCard({ id: "finance", title: "Finance", summary: "Rules.", own: [1, 2], highlights: [3] });
    expect(industry).toMatchObject({
      path: "/og/industries/finance.png",
      title: "Networking in Finance",
      label: "Industry · 3 practices",
      alt: "Networking in Finance: Rules.",
    });
  });

  it("the handbook publishes one card per practice, section and industry", () => {
    const cards = handbookCards({
      practices: [{ ...practice, sectionTitle: "T" }],
      sections: [{ id: "s", title: "S", summary: "x", practices: [] }],
      industries: [{ id: "i", title: "I", summary: "y", own: [], highlights: [] }],
    });
    expect(cards.map((c) => c.path)).toEqual([
      "/og/practices/crm-systems.png",
      "/og/sections/s.png",
      "/og/industries/i.png",
    ]);
  });
});

describe("laying a card out", () => {
  const titleWidth = DESIGN.width - 2 * DESIGN.marginX;
  const textWidth = titleWidth - DESIGN.text.rule - DESIGN.text.indent;
  const [largestTitle, largestText] = DESIGN.steps[0];
  const [smallestTitle, smallestText] = DESIGN.steps.at(-1)!;

  it("sets a short title and one-liner at the largest sizes, each on one line", () => {
    const layout = layoutCard({ label: "Online", title: "Concise Messages", text: "Keep messages concise" }, halfEm);
    expect(layout.title).toMatchObject({ size: largestTitle, lines: ["Concise Messages"] });
    expect(layout.text).toMatchObject({ size: largestText, lines: ["Keep messages concise"] });
    expect(layout.label.lines).toEqual(["ONLINE"]);
    expect(layout.shortened).toBe(false);
  });

  it("steps down for a long summary, and keeps what a thumbnail can read (title ≥ 64 px, text ≥ 40 px)", () => {
    const summary = "word ".repeat(40).trim();
    const layout = layoutCard(
      { label: "Section", title: "Networking Best Practices by Industry", text: summary },
      halfEm,
    );
    expect(layout.title.size).toBeLessThan(largestTitle);
    expect(layout.title.size).toBeGreaterThanOrEqual(64);
    expect(layout.text.size).toBeGreaterThanOrEqual(40);
    expect(layout.text.lines.join(" ")).toBe(summary);
    expect(layoutHeight(layout)).toBeLessThanOrEqual(MAIN_HEIGHT);
  });

  it("cuts a text too long for any size after a whole word, and says so", () => {
    const text = Array.from({ length: 120 }, (_, i) => `word${i}`).join(" ");
    const layout = layoutCard({ label: "L", title: "T", text }, halfEm);
    expect(layout.shortened).toBe(true);
    expect(layout.text.size).toBe(smallestText);
    expect(layout.text.lines.at(-1)).toMatch(/ word\d+…$/);
    expect(layoutHeight(layout)).toBeLessThanOrEqual(MAIN_HEIGHT);
  });

  it("whatever the texts, every line fits the card, words stay whole and the sizes stay legible", () => {
    const word = fc.stringMatching(/^[A-Za-z,.'-]{1,16}$/);
    const text = (most: number) => fc.array(word, { minLength: 1, maxLength: most }).map((w) => w.join(" "));
    fc.assert(
      fc.property(text(8), text(30), text(80), (label, title, body) => {
        const layout = layoutCard({ label, title, text: body }, halfEm);
        expect(layoutHeight(layout)).toBeLessThanOrEqual(MAIN_HEIGHT);
        expect(layout.title.size).toBeGreaterThanOrEqual(smallestTitle);
        expect(layout.text.size).toBeGreaterThanOrEqual(smallestText);
        expect(layout.title.lines.length).toBeLessThanOrEqual(DESIGN.title.maxLines);
        for (const line of layout.title.lines)
          expect(halfEm("title", line) * layout.title.size).toBeLessThanOrEqual(titleWidth);
        for (const line of layout.text.lines)
          expect(halfEm("text", line) * layout.text.size).toBeLessThanOrEqual(textWidth);
        if (!layout.shortened) {
          expect(layout.title.lines.join(" ")).toBe(title);
          expect(layout.text.lines.join(" ")).toBe(body);
        } else {
          // Cut short: whole words, then the ellipsis.
          const shown = [...layout.title.lines, ...layout.text.lines].join(" ").replace(/…/g, "");
          for (const w of wordsOf(shown)) expect(`${title} ${body}`.split(" ")).toContain(w);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the card's elements", () => {
  const texts = (node: CardElement): string[] =>
    typeof node.props.children === "string" ? [node.props.children] : (node.props.children ?? []).flatMap(texts);

  it("draw the mark, the handbook's name, the label and every line, on 1200 × 630", () => {
    const layout = layoutCard({ label: "Tools", title: "CRM Systems", text: "Use a CRM" }, halfEm);
    const tree = cardTree(layout);
    expect(tree.props.style).toMatchObject({ width: 1200, height: 630 });
    expect(texts(tree)).toEqual(["Networking Best Practices", "TOOLS", "CRM Systems", "Use a CRM"]);
    expect(JSON.stringify(tree)).toContain('"type":"img"');
  });
});

describe("a card's cache key", () => {
  const card = { path: "/og/practices/a.png", alt: "A: a", label: "Section", title: "A", text: "Do a" };
  const inputs = { fonts: "f1", renderers: "satori@1 resvg@1" };
  const key = cardKey(card, inputs);

  it("changes when anything drawn changes", () => {
    for (const changed of [{ label: "Other" }, { title: "B" }, { text: "Do b" }]) {
      expect(cardKey({ ...card, ...changed }, inputs), JSON.stringify(changed)).not.toBe(key);
    }
    expect(cardKey(card, { ...inputs, fonts: "f2" })).not.toBe(key);
    expect(cardKey(card, { ...inputs, renderers: "satori@2 resvg@1" })).not.toBe(key);
  });

  it("stays when nothing drawn changes (where the card is published, its description)", () => {
    const moved = { ...card, path: "/og/practices/renamed.png", alt: "other" };
    expect(cardKey(moved, inputs)).toBe(key);
  });
});
