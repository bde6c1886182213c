import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cardTree,
  DESIGN,
  layoutCard,
  layoutHeight,
  MAIN_HEIGHT,
  type CardElement,
  type Measure,
} from "../../src/lib/og/layout.ts";
import { wordsOf } from "../../src/lib/og/wrap.ts";

/** A face-blind measure in ems: every character half an em wide (about the sans's average). */
const halfEm: Measure = (_face, text) => [...text].length * 0.5;

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
