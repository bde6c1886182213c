import { describe, expect, it } from "vitest";
import { toMarkdown, toPlainText } from "../../src/lib/lists/format.ts";
import {
  addSaved,
  capList,
  cutMessage,
  LIMITS,
  listHas,
  moveId,
  removeAt,
  toggleId,
} from "../../src/lib/lists/list.ts";
import {
  countLabel,
  encodeListsData,
  practiceIndex,
  resolveEntries,
  type ListsData,
} from "../../src/lib/lists/practices.ts";
import {
  LIST_KEY,
  parseList,
  parseProgress,
  parseSavedLists,
  PROGRESS_KEY,
  readKey,
  SAVED_LISTS_KEY,
  serializeList,
  serializeSavedLists,
  writeKey,
} from "../../src/lib/lists/storage.ts";
import { listQuery, parseListQuery } from "../../src/lib/lists/url.ts";

const data: ListsData = encodeListsData(
  [
    { id: "fundamentals", title: "Networking Fundamentals" },
    { id: "skills", title: "Networking Skills Development" },
  ],
  [
    {
      id: "be-genuine",
      title: "Be Genuine",
      source: "Authenticity is the foundation",
      sectionId: "fundamentals",
      sectionTitle: "",
      aliases: ["be-real"],
    },
    {
      id: "elevator-pitch",
      title: "Elevator Pitch",
      source: "Develop a compelling 30-second elevator pitch",
      sectionId: "skills",
      sectionTitle: "",
      aliases: [],
    },
  ],
);
const index = practiceIndex(data);

describe("storage keys and parsing", () => {
  it("names the keys the reading pages share", () => {
    expect([LIST_KEY, SAVED_LISTS_KEY, PROGRESS_KEY]).toEqual(["nbp:list:v1", "nbp:lists:v1", "nbp:progress:v1"]);
  });

  it("reads a list back as it was written", () => {
    const list = { title: "Before the conference", note: "Read by Thursday", ids: ["a", "b"] };
    expect(parseList(serializeList(list))).toEqual(list);
    expect(JSON.parse(serializeList(list))).toEqual({ v: 1, ...list });
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["corrupt", '{"v":1,"ids":["a"'],
    ["another version", '{"v":2,"title":"x","note":"","ids":["a"]}'],
    ["an array", "[1,2]"],
    ["a number", "42"],
    ["null", "null"],
    ["a string", '"nbp"'],
  ])("treats a %s working list as empty", (_, raw) => {
    expect(parseList(raw)).toEqual({ title: "", note: "", ids: [] });
  });

  it("keeps what it can of a foreign-shaped list: strings only, trimmed, no repeats", () => {
    expect(parseList('{"v":1,"title":7,"note":null,"ids":["a"," b ",3,null,"a","",{"x":1}]}')).toEqual({
      title: "",
      note: "",
      ids: ["a", "b"],
    });
    expect(parseList('{"v":1,"ids":"a,b"}').ids).toEqual([]);
  });

  it("reads saved lists, skipping entries that are not lists", () => {
    const saved = [{ title: "T", note: "N", ids: ["a"], saved: "2026-01-02T03:04:05.000Z" }];
    expect(parseSavedLists(serializeSavedLists(saved))).toEqual(saved);
    expect(parseSavedLists('{"v":1,"lists":[1,"x",null,{"title":"ok","ids":["a"]}]}')).toEqual([
      { title: "ok", note: "", ids: ["a"], saved: "" },
    ]);
    for (const raw of [null, "", "{", '{"v":1}', '{"v":1,"lists":{}}', '{"v":3,"lists":[]}'])
      expect(parseSavedLists(raw)).toEqual([]);
  });

  it("reads progress ticks, and nothing from a corrupt or foreign value", () => {
    expect(parseProgress('{"v":1,"done":["a","old-a",5]}')).toEqual(["a", "old-a"]);
    for (const raw of [null, "", "]", '{"done":["a"]}', '{"v":1,"done":"a"}']) expect(parseProgress(raw)).toEqual([]);
  });

  it("never throws when the storage itself does", () => {
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(readKey(refusing, LIST_KEY)).toBeNull();
    expect(writeKey(refusing, LIST_KEY, "x")).toBe(false);
    expect(readKey(undefined, LIST_KEY)).toBeNull();
    expect(writeKey(undefined, LIST_KEY, "x")).toBe(false);
  });
});

describe("a list's link", () => {
  it("round-trips ids, title and note, whatever they say", () => {
    const list = { title: "Q&A = <b>fun</b>, #1?", note: "Line one\nLine two — 100% ✓", ids: ["be-genuine", "odd,id"] };
    const query = listQuery(list);
    expect(query.startsWith("?p=be-genuine,odd%2Cid&title=")).toBe(true);
    expect(parseListQuery(query)).toEqual({ list, cut: [] });
  });

  it("keeps ids in order, without blanks or repeats, and reads + as a space", () => {
    expect(parseListQuery("?p=b,,a, b ,c&title=Two+words")).toEqual({
      list: { title: "Two words", note: "", ids: ["b", "a", "c"] },
      cut: [],
    });
  });

  it("carries no list without p", () => {
    expect(parseListQuery("")).toBeUndefined();
    expect(parseListQuery("?title=x")).toBeUndefined();
    expect(parseListQuery("?p=")).toEqual({ list: { title: "", note: "", ids: [] }, cut: [] });
  });

  it("caps title, note and ids, and says what it cut", () => {
    const ids = Array.from({ length: LIMITS.ids + 5 }, (_, i) => `p${i}`);
    const query = listQuery({ title: "t".repeat(200), note: "n".repeat(600), ids });
    const parsed = parseListQuery(query)!;
    expect(parsed.list.title).toHaveLength(LIMITS.title);
    expect(parsed.list.note).toHaveLength(LIMITS.note);
    expect(parsed.list.ids).toEqual(ids.slice(0, LIMITS.ids));
    expect(parsed.cut).toEqual(["title", "note", "ids"]);
    expect(cutMessage(parsed.cut)).toBe(
      "This list was longer than a list can be, so it was shortened: the title to 120 characters, the note to 500 characters and the list to its first 200 practices.",
    );
    expect(cutMessage([])).toBe("");
  });

  it("never splits a character made of two code units", () => {
    const { list } = capList({ title: `${"a".repeat(LIMITS.title - 1)}😀😀`, note: "", ids: [] });
    expect([...list.title]).toHaveLength(LIMITS.title);
    expect(list.title.endsWith("😀")).toBe(true);
  });
});

describe("resolving ids", () => {
  it("follows old ids, keeps a practice listed twice once, and keeps unknown ids as entries", () => {
    const entries = resolveEntries(["elevator-pitch", "be-real", "gone", "be-genuine"], index);
    expect(entries.map((e) => [e.id, e.practice?.title])).toEqual([
      ["elevator-pitch", "Elevator Pitch"],
      ["be-genuine", "Be Genuine"],
      ["gone", undefined],
    ]);
    expect(entries[0]!.practice).toEqual({
      id: "elevator-pitch",
      title: "Elevator Pitch",
      source: "Develop a compelling 30-second elevator pitch",
      sectionId: "skills",
      sectionTitle: "Networking Skills Development",
    });
  });

  it("lets a current id win over an old one of the same name", () => {
    const clash = practiceIndex({
      sections: [["s", "S"]],
      practices: [
        ["a", "A", 0, "", ["b"]],
        ["b", "B", 0, "", []],
      ],
    });
    expect(clash.get("b")?.title).toBe("B");
  });

  it("fails on a section the data does not have", () => {
    expect(() =>
      encodeListsData([], [{ id: "a", title: "A", source: "", sectionId: "x", sectionTitle: "", aliases: [] }]),
    ).toThrow(/unknown section "x"/);
  });

  it("counts practices", () => {
    expect([countLabel(0), countLabel(1), countLabel(6)]).toEqual(["0 practices", "1 practice", "6 practices"]);
  });
});

describe("editing a list", () => {
  it("moves an id up or down, and not past either end", () => {
    expect(moveId(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveId(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveId(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveId(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
    expect(moveId(["a"], 5, 1)).toEqual(["a"]);
  });

  it("removes by position", () => {
    expect(removeAt(["a", "b", "c"], 1)).toEqual(["a", "c"]);
    expect(removeAt(["a"], 3)).toEqual(["a"]);
  });

  it("toggles an id by its current name, and refuses to grow past the limit", () => {
    const list = { title: "T", note: "", ids: ["be-real"] };
    const off = toggleId(list, "be-genuine", index.canonical);
    expect(off).toEqual({ list: { ...list, ids: [] }, added: false, full: false });
    const on = toggleId(off.list, "be-real", index.canonical);
    expect(on).toEqual({ list: { ...list, ids: ["be-genuine"] }, added: true, full: false });
    expect(listHas(on.list, "be-real", index.canonical)).toBe(true);
    const full = { title: "", note: "", ids: Array.from({ length: LIMITS.ids }, (_, i) => `p${i}`) };
    expect(toggleId(full, "new")).toEqual({ list: full, added: false, full: true });
    expect(toggleId(full, "p3").list.ids).toHaveLength(LIMITS.ids - 1);
  });

  it("saves a list first, replacing the same list saved before", () => {
    const a = { title: "A", note: "", ids: ["x"] };
    const first = addSaved([], a, new Date("2026-01-01T00:00:00Z"));
    const second = addSaved(first, { title: "B", note: "", ids: [] }, new Date("2026-01-02T00:00:00Z"));
    const third = addSaved(second, a, new Date("2026-01-03T00:00:00Z"));
    expect(third.map((s) => [s.title, s.saved])).toEqual([
      ["A", "2026-01-03T00:00:00.000Z"],
      ["B", "2026-01-02T00:00:00.000Z"],
    ]);
  });
});

describe("copying a list", () => {
  const list = { title: "Before *the* conference", note: "Read these.\nAll of them.", ids: [] };
  const entries = resolveEntries(["elevator-pitch", "be-genuine", "gone"], index);
  const options = {
    practiceUrl: (id: string) => `https://example.org/practices/${id}/`,
    listUrl: "https://example.org/lists/?p=elevator-pitch,be-genuine,gone",
  };

  it("as Markdown: title, note, one linked line per practice with its one-liner, and the list's link", () => {
    expect(toMarkdown(list, entries, options)).toBe(
      [
        "# Before \\*the\\* conference",
        "",
        "Read these.",
        "All of them.",
        "",
        "- [Elevator Pitch](https://example.org/practices/elevator-pitch/) — Develop a compelling 30-second elevator pitch",
        "- [Be Genuine](https://example.org/practices/be-genuine/) — Authenticity is the foundation",
        "- gone (no longer in the handbook)",
        "",
        "[Open this list](https://example.org/lists/?p=elevator-pitch,be-genuine,gone)",
      ].join("\n"),
    );
  });

  it("as plain text for chat: title, note, then Title: URL lines", () => {
    expect(toPlainText(list, entries, options)).toBe(
      [
        "Before *the* conference",
        "Read these.\nAll of them.",
        "",
        "Elevator Pitch: https://example.org/practices/elevator-pitch/",
        "Be Genuine: https://example.org/practices/be-genuine/",
        "gone (no longer in the handbook)",
        "",
        "The whole list: https://example.org/lists/?p=elevator-pitch,be-genuine,gone",
      ].join("\n"),
    );
  });

  it("names an untitled list and leaves out an empty note", () => {
    const text = toPlainText({ title: "", note: "", ids: [] }, [], options);
    expect(text.split("\n").slice(0, 2)).toEqual(["Practice list", ""]);
    expect(toMarkdown({ title: "", note: "", ids: [] }, [], options).startsWith("# Practice list\n\n[Open")).toBe(true);
  });
});
