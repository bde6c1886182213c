import { describe, expect, it } from "vitest";
import { balance, clamp, fitLines, greedy, wordsOf, type WidthOf } from "../../src/lib/og/wrap.ts";

/** Ten pixels a character, spaces included: easy widths to reason about. */
const tenEach: WidthOf = (text) => [...text].length * 10;

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
