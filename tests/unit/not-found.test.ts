import { describe, expect, it } from "vitest";
import { notFoundEntries, queryFromPath } from "../../src/lib/site/not-found.ts";
import { suggest } from "../../src/lib/search/suggest.ts";
import type { ListedPractice } from "../../src/lib/search/practice-list.ts";

describe("queryFromPath", () => {
  it("keeps the words of the id and drops the page-type folder", () => {
    expect(queryFromPath("/practices/folow-up-event/")).toBe("folow up event");
    expect(queryFromPath("/sections/online-netwroking/")).toBe("online netwroking");
    expect(queryFromPath("/industries/finanse")).toBe("finanse");
  });

  it("drops the base path, index.html and file endings", () => {
    expect(queryFromPath("/handbook/practices/elevator-pich/index.html", "/handbook")).toBe("elevator pich");
    expect(queryFromPath("/handbook/practices/elevator-pich/", "/handbook/")).toBe("elevator pich");
    expect(queryFromPath("/handbookish/mentor/", "/handbook")).toBe("handbookish mentor");
  });

  it("decodes escapes, and survives a broken one", () => {
    expect(queryFromPath("/practices/caf%C3%A9-meetings/")).toBe("café meetings");
    expect(queryFromPath("/practices/50%-rule/")).toBe("50 rule");
  });

  it("is empty for an address with no words", () => {
    expect(queryFromPath("/")).toBe("");
    expect(queryFromPath("/practices/")).toBe("");
    expect(queryFromPath("/--/")).toBe("");
  });
});

describe("notFoundEntries", () => {
  const practice = (id: string, title: string, subsection = "Events"): ListedPractice => ({
    id,
    title,
    url: `/practices/${id}/`,
    section: "offline",
    sectionTitle: "Offline Networking",
    subsection,
    industries: [],
  });
  const entries = notFoundEntries(
    [
      practice("follow-up-event-networking", "Follow-up"),
      practice("follow-up-online", "Follow-up", "Online"),
      practice("arrive-early", "Arrive Early"),
    ],
    [{ id: "offline-networking-strategies", title: "Offline Networking Strategies" }],
    (id) => `/sections/${id}/`,
  );

  it("lists sections and practices, each saying where it belongs", () => {
    expect(entries.map((e) => [e.url, e.where])).toEqual([
      ["/sections/offline-networking-strategies/", "Section"],
      ["/practices/follow-up-event-networking/", "Offline Networking"],
      ["/practices/follow-up-online/", "Offline Networking"],
      ["/practices/arrive-early/", "Offline Networking"],
    ]);
  });

  it("tells namesakes apart by the words of their ids", () => {
    const best = suggest(queryFromPath("/practices/folow-up-event/"), entries, 2);
    expect(best[0]?.url).toBe("/practices/follow-up-event-networking/");
    expect(suggest(queryFromPath("/sections/ofline-networking/"), entries, 1)[0]?.url).toBe(
      "/sections/offline-networking-strategies/",
    );
  });
});
