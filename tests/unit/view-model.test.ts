import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/lib/content/source.ts";
import { buildHandbook, stepLabel, type HandbookInput, type PracticeInput } from "../../src/lib/site/view-model.ts";
import { MINI_SOURCE } from "../fixtures/mini.ts";

/** A practice of the mini handbook; `entry` is the file name, standing in for Astro's entry. */
const practice = (
  id: string,
  title: string,
  subsection: string,
  related: string[],
  industries: string[] = [],
): PracticeInput<string> => ({
  id,
  title,
  source: `${title} source`,
  section: "basics",
  subsection,
  industries,
  related,
  aliases: [],
  excerpt: `${id} excerpt`,
  entry: `${id}.mdx`,
});

function input(): HandbookInput<string> {
  return {
    source: parseSource(MINI_SOURCE),
    home: "home.mdx",
    sections: [
      {
        id: "basics",
        title: "The Basics",
        heading: "Basics",
        summary: "s",
        order: 1,
        subsections: [
          { title: "Listening", intro: "L" },
          { title: "Email", intro: "E" },
          { title: "Tech Industry", intro: "T" },
        ],
        entry: "basics.mdx",
      },
    ],
    industries: [
      {
        id: "tech",
        title: "Tech",
        subsection: "Tech Industry",
        order: 1,
        summary: "t",
        highlights: [{ practice: "subject-lines", why: "w" }],
        entry: "tech.mdx",
      },
    ],
    // Deliberately not in source order: the view model orders by the source.
    practices: [
      practice("open-source", "Open Source", "Tech Industry", ["ask-questions", "follow-up-email"], ["tech"]),
      practice("short-replies", "Short Replies", "Email", ["subject-lines", "ask-questions"]),
      practice("follow-up-email", "Follow-up", "Email", ["follow-up-listening", "subject-lines"]),
      practice("subject-lines", "Subject Lines", "Email", ["short-replies", "follow-up-email"]),
      practice("ask-questions", "Ask Questions", "Listening", ["follow-up-listening", "short-replies"]),
      practice("follow-up-listening", "Follow-up", "Listening", ["follow-up-email", "ask-questions"]),
    ],
  };
}

describe("the view model", () => {
  const handbook = buildHandbook(input());
  const byId = (id: string) => handbook.practices.find((p) => p.id === id)!;

  it("gives each practice the questions it answers, none when it declares none", () => {
    const data = input();
    data.practices[0] = { ...data.practices[0]!, questions: ["How do I open a conversation?"] };
    const handbook = buildHandbook(data);
    expect(handbook.practices.find((p) => p.id === data.practices[0]!.id)!.questions).toEqual([
      "How do I open a conversation?",
    ]);
    expect(handbook.practices.find((p) => p.id === data.practices[1]!.id)!.questions).toEqual([]);
  });

  it("orders practices as the source document does", () => {
    expect(handbook.practices.map((p) => p.id)).toEqual([
      "follow-up-listening",
      "ask-questions",
      "follow-up-email",
      "subject-lines",
      "short-replies",
      "open-source",
    ]);
  });

  it("gives each practice its section title, subsection anchor and neighbours", () => {
    const p = byId("subject-lines");
    expect(p.sectionTitle).toBe("The Basics");
    expect(p.subsectionAnchor).toBe("email");
    expect(p.prev?.id).toBe("follow-up-email");
    expect(p.next?.id).toBe("short-replies");
  });

  it("reads on across subsections and sections, in the order the section pages list them", () => {
    const twoSections = input();
    twoSections.source = parseSource(`${MINI_SOURCE}\n## More\n\n### Calls\n- **Call Back**: Call back the same day\n`);
    twoSections.sections.push({
      id: "more",
      title: "More Basics",
      heading: "More",
      summary: "m",
      order: 2,
      subsections: [{ title: "Calls", intro: "C" }],
      entry: "more.mdx",
    });
    twoSections.practices.push({ ...practice("call-back", "Call Back", "Calls", []), section: "more" });
    const book = buildHandbook(twoSections);
    const order: string[] = [];
    for (let p = book.practices[0]; p; p = p.next) order.push(p.id);
    expect(order).toEqual(book.sections.flatMap((s) => s.subsections.flatMap((g) => g.practices.map((p) => p.id))));
    expect(order).toHaveLength(7);
    const crossing = book.practices.find((p) => p.id === "open-source")!;
    expect(crossing.next?.id).toBe("call-back");
    expect(crossing.next?.prev).toBe(crossing);
    expect(book.practices[0]!.prev).toBeUndefined();
    expect(book.practices.find((p) => p.id === "call-back")!.next).toBeUndefined();
  });

  it("says where a previous/next step leads when it leaves the subsection or section", () => {
    const at = (sectionId: string, subsection: string) => ({
      sectionId,
      sectionTitle: `Title of ${sectionId}`,
      subsection,
    });
    expect(stepLabel(at("a", "One"), at("a", "One"), "next")).toBe("Next practice");
    expect(stepLabel(at("a", "One"), at("a", "Two"), "next")).toBe("Next: Two");
    expect(stepLabel(at("a", "Two"), at("a", "One"), "prev")).toBe("Previous: One");
    expect(stepLabel(at("a", "One"), at("b", "One"), "next")).toBe("Next section: Title of b");
    expect(stepLabel(at("b", "One"), at("a", "Two"), "prev")).toBe("Previous section: Title of a");
  });

  it("lists namesakes on their own and keeps them out of read-next", () => {
    const p = byId("follow-up-email");
    expect(p.namesakes.map((o) => o.id)).toEqual(["follow-up-listening"]);
    expect(p.readNext.map((o) => o.id)).toEqual(["subject-lines"]);
    // The same objects, not copies: a page can follow links from one practice to the next.
    expect(p.namesakes[0]).toBe(byId("follow-up-listening"));
  });

  it("tags industries from the practice and from industry recommendations, with their titles", () => {
    expect(byId("subject-lines").industryLinks).toEqual([{ id: "tech", title: "Tech" }]);
    expect(byId("open-source").industries).toEqual(["tech"]);
    expect(byId("ask-questions").industries).toEqual([]);
  });

  it("groups sections by subsection and gives industries their own practices and highlights", () => {
    const [section] = handbook.sections;
    expect(section!.subsections.map((s) => [s.title, s.intro, s.practices.length])).toEqual([
      ["Listening", "L", 2],
      ["Email", "E", 3],
      ["Tech Industry", "T", 1],
    ]);
    const [tech] = handbook.industries;
    expect(tech!.own.map((p) => p.id)).toEqual(["open-source"]);
    expect(tech!.highlights[0]!.practice).toBe(byId("subject-lines"));
    expect(handbook.home).toBe("home.mdx");
  });

  it("throws on a reference the check should have caught, naming it", () => {
    const broken = input();
    broken.practices[0]!.related = ["no-such-practice"];
    expect(() => buildHandbook(broken)).toThrow(/unknown practice "no-such-practice"/);
  });
});
