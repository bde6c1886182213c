import { describe, expect, it } from "vitest";
import { onThisPage, sideNav } from "../../src/lib/site/nav.ts";

const sections = [
  {
    id: "basics",
    title: "The Basics",
    subsections: [
      { title: "Listening", anchor: "listening", practices: [{ id: "ask", title: "Ask" }] },
      {
        title: "Email",
        anchor: "email",
        practices: [
          { id: "subject", title: "Subject" },
          { id: "reply", title: "Reply" },
        ],
      },
    ],
  },
  {
    id: "more",
    title: "More",
    subsections: [{ title: "Calls", anchor: "calls", practices: [{ id: "call", title: "Call" }] }],
  },
];

describe("the side navigation", () => {
  it("lists every section and opens none away from the sections", () => {
    for (const here of [{ page: "home" } as const, { industry: "tech" }]) {
      const nav = sideNav(sections, here);
      expect(nav.map((s) => [s.title, s.path, s.current, s.subsections.length])).toEqual([
        ["The Basics", "/sections/basics/", undefined, 0],
        ["More", "/sections/more/", undefined, 0],
      ]);
    }
  });

  it("on a section page, marks the section as the page and lists its parts as anchors on it", () => {
    const [basics, more] = sideNav(sections, { section: "basics" });
    expect(basics!.current).toBe("page");
    expect(more!.subsections).toEqual([]);
    expect(basics!.subsections.map((g) => [g.title, g.path, g.practices.map((p) => p.path)])).toEqual([
      ["Listening", "#listening", ["#ask"]],
      ["Email", "#email", ["#subject", "#reply"]],
    ]);
    expect(basics!.subsections.flatMap((g) => g.practices).every((p) => p.current === undefined)).toBe(true);
  });

  it("on a practice page, marks its section and the practice, and links to their pages", () => {
    const [basics] = sideNav(sections, { section: "basics", practice: "reply" });
    expect(basics!.current).toBe("true");
    expect(basics!.subsections[1]!.path).toBe("/sections/basics/#email");
    expect(basics!.subsections[1]!.practices).toEqual([
      { title: "Subject", path: "/practices/subject/", current: undefined },
      { title: "Reply", path: "/practices/reply/", current: "page" },
    ]);
  });
});

describe("on this page", () => {
  it("lists a page's parts only when there are enough to jump between", () => {
    const h = (depth: number, text: string) => ({ depth, text });
    expect(onThisPage([h(2, "a"), h(3, "a.1"), h(2, "b")])).toEqual([]);
    expect(onThisPage([h(2, "a"), h(3, "a.1"), h(2, "b"), h(2, "c")]).map((x) => x.text)).toEqual(["a", "b", "c"]);
    expect(onThisPage([h(2, "a"), h(2, "b")], 2)).toHaveLength(2);
  });
});
