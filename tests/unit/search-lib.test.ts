import { describe, expect, it } from "vitest";
import { highlightTerms, matchRanges } from "../../src/lib/search/highlight.ts";
import { parseSearchState, serializeSearchState, toggle } from "../../src/lib/search/state.ts";
import { editDistance, suggest, wordSimilarity, type SuggestEntry } from "../../src/lib/search/suggest.ts";

describe("search state in the URL", () => {
  it("round-trips query and repeated filters", () => {
    const state = parseSearchState(new URLSearchParams("q=follow+up&section=a&section=b&industry=finance&x=1"));
    expect(state).toEqual({ query: "follow up", sections: ["a", "b"], industries: ["finance"] });
    expect(serializeSearchState(state)).toBe("?q=follow+up&section=a&section=b&industry=finance");
  });

  it("omits what is empty and drops duplicates", () => {
    expect(serializeSearchState({ query: "  ", sections: [], industries: [] })).toBe("");
    expect(parseSearchState(new URLSearchParams("section=a&section=a&section=")).sections).toEqual(["a"]);
  });

  it("keeps a query that looks like markup as plain text", () => {
    const state = parseSearchState(
      new URLSearchParams(
        serializeSearchState({ query: "<img src=x onerror=alert(1)>", sections: [], industries: [] }),
      ),
    );
    expect(state.query).toBe("<img src=x onerror=alert(1)>");
  });

  it("toggles a chip", () => {
    expect(toggle(["a"], "b")).toEqual(["a", "b"]);
    expect(toggle(["a", "b"], "a")).toEqual(["b"]);
  });
});

describe("highlighting", () => {
  it("takes the words of a query", () => {
    expect(highlightTerms("Follow-up  after EVENTS a")).toEqual(["follow", "after", "event"]);
  });

  it("marks words that start with a term, case-insensitively, merged", () => {
    const text = "Listening beats talking; listen first, then follow up.";
    expect(matchRanges(text, ["listen"]).map(([s, e]) => text.slice(s, e))).toEqual(["Listening", "listen"]);
    expect(matchRanges("enlisted", ["listen"])).toEqual([]);
    expect(matchRanges("a+b (c)", ["a+b"])).toEqual([[0, 3]]);
  });
});

describe("suggestions when nothing matches", () => {
  const entries: SuggestEntry[] = [
    {
      title: "Complete Profile",
      url: "/p/complete-profile/",
      context: "LinkedIn Best Practices Ensure your profile is complete",
    },
    {
      title: "Mentorship",
      url: "/p/mentorship/",
      context: "Role Transitions Seek mentorship from people in target roles",
    },
    {
      title: "Mentorship Programs",
      url: "/p/mentorship-programs/",
      context: "Professional Resources Engage in formal and informal mentorship",
    },
    { title: "Arrive Early", url: "/p/arrive-early/", context: "Event Networking Arrive early to avoid crowds" },
  ];

  it("measures typos, counting a swap as one edit", () => {
    expect(editDistance("linkdin", "linkedin")).toBe(1);
    expect(editDistance("mentorshp", "mentorship")).toBe(1);
    expect(editDistance("arirve", "arrive")).toBe(1);
    expect(wordSimilarity("mentor", "mentorship")).toBe(1);
    expect(wordSimilarity("xyz", "arrive")).toBe(0);
  });

  it("finds practices despite typos", () => {
    expect(suggest("linkdin", entries).map((e) => e.title)).toEqual(["Complete Profile"]);
    expect(suggest("mentorshp", entries).map((e) => e.title)).toEqual(["Mentorship", "Mentorship Programs"]);
    expect(suggest("arive erly", entries)[0]!.title).toBe("Arrive Early");
  });

  it("suggests nothing for gibberish", () => {
    expect(suggest("qqqzzz", entries)).toEqual([]);
    expect(suggest("", entries)).toEqual([]);
  });
});
