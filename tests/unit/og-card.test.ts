import { describe, expect, it } from "vitest";
import { cardKey, handbookCards, industryCard, practiceCard, sectionCard } from "../../src/lib/og/card.ts";

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
