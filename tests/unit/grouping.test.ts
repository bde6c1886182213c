import { describe, expect, it } from "vitest";
import {
  groupBy,
  groupByLetter,
  groupBySubsection,
  industriesOf,
  menuSections,
  namesakes,
  neighbours,
  sortBySource,
} from "../../src/lib/site/grouping.ts";

const p = (id: string, title: string, subsection = "S", industries: string[] = []) => ({
  id,
  title,
  section: "sec",
  subsection,
  industries,
});

describe("page model", () => {
  it("finds namesakes: practices that share a title", () => {
    const same = namesakes([p("a", "Follow-up"), p("b", "Follow-up"), p("c", "Mentorship")]);
    expect(same.get("a")!.map((x) => x.id)).toEqual(["b"]);
    expect(same.get("c")).toEqual([]);
  });

  it("tags a practice with the industries that recommend it, in industry order", () => {
    const industries = [
      { id: "technology", highlights: [{ practice: "a" }] },
      { id: "finance", highlights: [] },
      { id: "healthcare", highlights: [{ practice: "a" }] },
    ];
    expect(industriesOf(p("a", "A", "S", ["finance"]), industries)).toEqual(["technology", "finance", "healthcare"]);
    expect(industriesOf(p("b", "B"), industries)).toEqual([]);
  });

  it("groups practices under their subsections in the section's order", () => {
    const groups = groupBySubsection(
      [{ title: "Email Etiquette" }, { title: "Events" }],
      [p("x", "X", "Events"), p("y", "Y", "Email Etiquette")],
    );
    expect(groups.map((g) => [g.anchor, g.practices.map((x) => x.id)])).toEqual([
      ["email-etiquette", ["y"]],
      ["events", ["x"]],
    ]);
  });

  it("orders by source position and gives previous/next", () => {
    const sorted = sortBySource([p("b", "B"), p("a", "A")], (x) => (x.id === "a" ? 1 : 2));
    expect(sorted.map((x) => x.id)).toEqual(["a", "b"]);
    expect(neighbours(["a", "b", "c"], 0)).toEqual({ prev: undefined, next: "b" });
    expect(neighbours(["a", "b", "c"], 2)).toEqual({ prev: "b", next: undefined });
  });

  it("groups A–Z by first letter, accents folded, anything else under #", () => {
    const groups = groupByLetter([
      { title: "Être là" },
      { title: "apple" },
      { title: "Arrive" },
      { title: "100% Profile" },
    ]);
    expect(groups.map((g) => [g.letter, g.items.map((i) => i.title)])).toEqual([
      ["#", ["100% Profile"]],
      ["A", ["apple", "Arrive"]],
      ["E", ["Être là"]],
    ]);
  });

  it("keeps the menu the same size on every page however many sections there are", () => {
    expect(menuSections([1, 2, 3])).toEqual({ shown: [1, 2, 3], more: 0 });
    const many = menuSections(Array.from({ length: 110 }, (_, i) => i));
    expect(many.shown).toHaveLength(12);
    expect(many.more).toBe(98);
  });
});

describe("groupBy", () => {
  it("keeps first-seen key order and each group's item order", () => {
    const groups = groupBy([p("a", "One", "X"), p("b", "Two", "Y"), p("c", "Three", "X")], (x) => x.subsection);
    expect([...groups].map(([key, items]) => `${key}: ${items.map((i) => i.id).join(",")}`)).toEqual([
      "X: a,c",
      "Y: b",
    ]);
  });
});
