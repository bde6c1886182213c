import { parseFeed } from "@rowanmanning/feed-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkHandbook } from "../../src/lib/content/check.ts";
import { formatProblem } from "../../src/lib/content/problems.ts";
import {
  changeLog,
  changesByDay,
  changesByMonth,
  INDUSTRY_GROUP,
  monthLabel,
  type ChangeSources,
} from "../../src/lib/site/changes.ts";
import { changesFeed } from "../../src/lib/site/feed.ts";
import { writeFixture } from "../fixtures/mini.ts";

/** The mini handbook with `yaml` (a `changes:` block) added to subject-lines.mdx after its review date (line 8). */
function withChanges(yaml: string, today = "2026-11-30") {
  const { dir, source } = writeFixture((f) => {
    f["practices/subject-lines.mdx"] = f["practices/subject-lines.mdx"]!.replace(
      "reviewed: 2026-01-15\n",
      `reviewed: 2026-01-15\n${yaml}`,
    );
  });
  const problems = checkHandbook(dir, source, { today }).problems;
  return { problems, text: problems.map(formatProblem).join("\n") };
}

describe("change notes in the content check", () => {
  it("accepts dated notes, newest first, dated today or earlier", () => {
    const { problems } = withChanges(
      'changes:\n  - date: 2026-11-30\n    note: "The steps now name the reader first."\n  - date: 2026-02-01\n    note: Sources added.\n',
    );
    expect(problems).toEqual([]);
  });

  it("refuses a note dated after today, with the file, the line of the note's date, the field and the fix", () => {
    const { problems, text } = withChanges("changes:\n  - date: 2026-12-02\n    note: The limits corrected.\n");
    expect(problems).toEqual([
      expect.objectContaining({
        kind: "change-date",
        file: expect.stringMatching(/practices\/subject-lines\.mdx$/),
        line: 10,
        field: "changes.0.date",
        message: "the change note is dated 2026-12-02, which is after today (2026-11-30)",
        fix: expect.stringContaining("date it the day the change is published"),
      }),
    ]);
    expect(text).toMatch(
      /practices\/subject-lines\.mdx:10 \[changes\.0\.date\]: the change note is dated 2026-12-02.*\n\s+fix: date it/,
    );
  });

  it("takes today from the caller: the same note passes once its day has come", () => {
    const yaml = "changes:\n  - date: 2026-12-02\n    note: The limits corrected.\n";
    expect(withChanges(yaml, "2026-12-01").problems).toHaveLength(1);
    expect(withChanges(yaml, "2026-12-02").problems).toEqual([]);
  });

  it("names the second note by its own index and line", () => {
    const { problems } = withChanges(
      "changes:\n  - date: 2026-12-05\n    note: One.\n  - date: 2026-12-04\n    note: Two.\n",
      "2026-12-04",
    );
    expect(problems.map((p) => [p.field, p.line])).toEqual([["changes.0.date", 10]]);
  });

  it.each([
    ["an empty note", 'note: ""'],
    ["a note of spaces", 'note: "   "'],
    ["a note with no value", "note:"],
  ])("refuses %s, at the note's line, with the fix", (_, note) => {
    const { problems, text } = withChanges(`changes:\n  - date: 2026-11-01\n    ${note}\n`);
    expect(problems).toEqual([
      expect.objectContaining({
        kind: "invalid-field",
        line: 11,
        field: "changes.0.note",
        message: "the note has no text",
        fix: expect.stringContaining("say in one sentence what changed for the reader"),
      }),
    ]);
    expect(text).toMatch(
      /subject-lines\.mdx:11 \[changes\.0\.note\]: the note has no text\n\s+fix: say in one sentence/,
    );
  });

  it("refuses a note without a date, markup in a note, and a note too long for one sentence", () => {
    const { problems } = withChanges(
      `changes:\n  - note: No date.\n  - date: 2026-11-01\n    note: "See **this**."\n  - date: 2026-10-01\n    note: "${"word ".repeat(40)}"\n`,
    );
    expect(problems.map((p) => [p.field, p.line, p.message])).toEqual([
      ["changes.0.date", 10, 'required field "changes.0.date" is missing'],
      ["changes.1.note", 12, "the note contains a line break or markup"],
      ["changes.2.note", 14, "the note is longer than 160 characters"],
    ]);
  });

  it("keeps notes newest first", () => {
    const { problems } = withChanges(
      "changes:\n  - date: 2026-03-01\n    note: Older.\n  - date: 2026-05-01\n    note: Newer.\n",
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: "changes.1.date",
        line: 12,
        message: expect.stringContaining("newest first"),
        fix: "move the newer note above the older one",
      }),
    ]);
  });

  it("refuses an unknown key in a note, naming it", () => {
    const { problems } = withChanges("changes:\n  - date: 2026-03-01\n    note: Fine.\n    author: Kim\n");
    expect(problems).toEqual([expect.objectContaining({ kind: "unknown-field", field: "author", line: 12 })]);
  });
});

const note = (date: string, text: string) => ({ date, note: text });
const handbook: ChangeSources = {
  sections: [
    {
      id: "basics",
      title: "Basics",
      changes: [note("2026-11-30", "The guide is a decision guide.")],
      practices: [
        {
          id: "follow-up",
          title: "Follow-up",
          changes: [
            note("2026-12-02", "Second note that day."),
            note("2026-12-02", "First note that day."),
            note("2026-11-30", "Rewritten."),
          ],
        },
        { id: "ask", title: "Ask Questions", changes: [] },
      ],
    },
    {
      id: "tools",
      title: "Tools",
      changes: [],
      practices: [{ id: "crm", title: "CRM", changes: [note("2026-11-30", "Six fields.")] }],
    },
  ],
  industries: [{ id: "finance", title: "Finance", changes: [note("2026-12-01", "FINRA's gift limit & sources.")] }],
};

describe("the change log", () => {
  it("lists every note newest first, a day's notes in handbook order, each with its page", () => {
    const log = changeLog(handbook);
    expect(log.map((c) => [c.date, c.path, c.title, c.context])).toEqual([
      ["2026-12-02", "/practices/follow-up/", "Follow-up", "Basics"],
      ["2026-12-02", "/practices/follow-up/", "Follow-up", "Basics"],
      ["2026-12-01", "/industries/finance/", "Networking in Finance", "industry brief"],
      ["2026-11-30", "/sections/basics/", "Basics", "section guide"],
      ["2026-11-30", "/practices/follow-up/", "Follow-up", "Basics"],
      ["2026-11-30", "/practices/crm/", "CRM", "Tools"],
    ]);
  });

  it("keys each note by page and day, so a new note on the same day leaves the older keys as they were", () => {
    const keys = changeLog(handbook).map((c) => c.key);
    expect(keys.slice(0, 2)).toEqual(["/practices/follow-up/2026-12-02/2", "/practices/follow-up/2026-12-02"]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("groups a day's notes by section, with the industry briefs apart", () => {
    const days = changesByDay(changeLog(handbook));
    expect(days.map((d) => [d.date, d.groups.map((g) => [g.title, g.changes.length])])).toEqual([
      ["2026-12-02", [["Basics", 2]]],
      ["2026-12-01", [[INDUSTRY_GROUP, 1]]],
      [
        "2026-11-30",
        [
          ["Basics", 2],
          ["Tools", 1],
        ],
      ],
    ]);
  });
});

describe("the Atom feed of the change log", () => {
  afterEach(() => vi.useRealTimers());
  const site = { site: "https://handbook.example.org", base: "/guide/" };

  it("is Atom 1.0 with an id, a title, an author, self and alternate links, and one entry per note", () => {
    const log = changeLog(handbook);
    const feed = parseFeed(changesFeed(log, site));
    expect(feed.meta).toEqual({ type: "atom", version: "1.0" });
    expect(feed.title).toBe("Networking Best Practices: changes");
    expect(feed.url).toBe("https://handbook.example.org/guide/changes/");
    expect(feed.self).toBe("https://handbook.example.org/guide/changes.xml");
    expect(feed.authors.map((a) => a.name)).toEqual(["Networking Best Practices"]);
    expect(feed.updated?.toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(feed.items).toHaveLength(log.length);
    const finance = feed.items[2]!;
    expect(finance.url).toBe("https://handbook.example.org/guide/industries/finance/");
    expect(finance.title).toBe("Networking in Finance (industry brief)");
    expect(finance.description).toBe("FINRA's gift limit & sources.");
    expect(finance.updated?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(finance.id).toBe("tag:handbook.example.org,2026:/industries/finance/2026-12-01");
  });

  it("is the same whenever it is built, so a feed reader never announces a note twice", () => {
    const log = changeLog(handbook);
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2027-01-01T10:00:00Z"));
    const first = changesFeed(log, site);
    vi.setSystemTime(new Date("2028-06-15T22:00:00Z"));
    expect(changesFeed(log, site)).toBe(first);
  });

  it("keeps its entry ids when the site moves to another base path", () => {
    const ids = (base: string) => parseFeed(changesFeed(changeLog(handbook), { ...site, base })).items.map((i) => i.id);
    expect(ids("/")).toEqual(ids("/guide/"));
  });
});

describe("the change log by month", () => {
  it("splits days into calendar months, newest first, and names each month", () => {
    const day = (date: string) => ({ date, groups: [] });
    const months = changesByMonth([day("2026-12-07"), day("2026-12-01"), day("2026-11-30"), day("2025-12-31")]);
    expect(months.map((m) => [m.month, m.days.map((d) => d.date)])).toEqual([
      ["2026-12", ["2026-12-07", "2026-12-01"]],
      ["2026-11", ["2026-11-30"]],
      ["2025-12", ["2025-12-31"]],
    ]);
    expect(monthLabel("2026-11")).toBe("November 2026");
  });
});
