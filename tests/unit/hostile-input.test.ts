import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unsafeUrl } from "../../src/lib/content/body-links.ts";
import { checkHandbook } from "../../src/lib/content/check.ts";
import { formatProblem } from "../../src/lib/content/problems.ts";
import { decodeUtf8, EncodingError } from "../../src/lib/content/text-file.ts";
import { writeFixture } from "../fixtures/mini.ts";

/** Checks the mini handbook after `edit`, and after `bytes` writes raw bytes into files. */
function check(edit: Parameters<typeof writeFixture>[0] = () => {}, bytes: (dir: string) => void = () => {}) {
  const { dir, source } = writeFixture(edit);
  bytes(dir);
  const problems = checkHandbook(dir, source).problems;
  return { problems, text: problems.map(formatProblem).join("\n") };
}

const PRACTICE = "practices/subject-lines.mdx";
const append = (line: string) => (f: Record<string, string>) => void (f[PRACTICE] += `\n${line}\n`);

describe("link schemes in bodies", () => {
  it.each([
    ["[a](javascript:alert(1))", "javascript:"],
    ["[a](JAVASCRIPT:alert(1))", "javascript:"],
    ["[a](&#106;avascript:alert(1))", "javascript:"],
    ["[a][x]\n\n[x]: javascript:alert(1)", "javascript:"],
    ["[a](vbscript:msgbox(1))", "vbscript:"],
    ["[a](data:text/html;base64,PHNjcmlwdD4=)", "data:"],
    ["![a](javascript:alert(1))", "javascript:"],
    ["[a]( javascript:alert(1))", "javascript:"],
  ])("%s is refused with the line and the fix", (markdown, scheme) => {
    const { problems } = check(append(markdown));
    const unsafe = problems.filter((p) => p.kind === "unsafe-link");
    expect(unsafe.length).toBeGreaterThan(0);
    expect(unsafe[0]!.message).toContain(`uses the ${scheme} scheme`);
    expect(unsafe[0]!.file).toMatch(/subject-lines\.mdx$/);
    expect(unsafe[0]!.line).toBeGreaterThan(30);
    expect(unsafe[0]!.fix).toMatch(/site path such as \/practices\/<id>\/.*http\(s\), mailto: or tel:/);
  });

  it("allows site paths and http(s), mailto: and tel: addresses, and says why a relative one is refused", () => {
    expect(unsafeUrl("/practices/x/")).toBeUndefined();
    expect(unsafeUrl("https://example.org/")).toBeUndefined();
    expect(unsafeUrl("mailto:a@example.org")).toBeUndefined();
    expect(unsafeUrl("tel:+15555550100")).toBeUndefined();
    expect(unsafeUrl("practices/x/")).toMatch(/relative address/);
    expect(unsafeUrl("java\tscript:alert(1)")).toBe("uses the javascript: scheme");
  });
});

describe("text that is not UTF-8", () => {
  const withBadByte = (path: string, byte: number) => (dir: string) => {
    const file = join(dir, path);
    const text = readFileSync(file);
    const at = text.indexOf("Say what you want");
    writeFileSync(file, Buffer.concat([text.subarray(0, at), Buffer.from([byte]), text.subarray(at)]));
  };

  it("is refused in an entry, with the line of the bad byte", () => {
    const { problems, text } = check(undefined, withBadByte(PRACTICE, 0xff));
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: "encoding", line: 4, message: "line 4 holds bytes that are not UTF-8" }),
    );
    expect(text).toMatch(/fix: save the file as UTF-8/);
    // The entry exists: nothing else is reported missing because of it.
    expect(problems.filter((p) => p.kind === "uncovered" || p.kind === "unknown-reference")).toEqual([]);
  });

  it("is refused in the source document, so two different bad bytes can never compare equal", () => {
    for (const byte of [0xff, 0xfe]) {
      const { problems } = check(undefined, withBadByte("source/networking-best-practices.md", byte));
      expect(problems).toEqual([expect.objectContaining({ kind: "encoding", line: 15 })]);
    }
  });

  it("accepts a byte-order mark", () => {
    const { problems } = check(undefined, (dir) => {
      const file = join(dir, PRACTICE);
      writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    });
    expect(problems).toEqual([]);
  });

  it("names the line of the first bad byte, even in a character cut short", () => {
    const bytes = Buffer.from("one\ntwo\nthr\xe2\x82ee\n", "latin1");
    expect(() => decodeUtf8(bytes)).toThrow(EncodingError);
    expect(() => decodeUtf8(bytes)).toThrow("line 3 holds bytes that are not UTF-8");
    expect(decodeUtf8(Buffer.from("\ufeffsé", "utf8"))).toBe("sé");
  });
});

describe("collisions", () => {
  it("a heading in a section's introduction that would take a practice's anchor", () => {
    const { problems } = check((f) => void (f["sections/basics.mdx"] += "\n## Ask Questions\n\nMore.\n"));
    expect(problems).toContainEqual(
      expect.objectContaining({
        kind: "anchor-collision",
        field: "body",
        message: expect.stringContaining("would take the anchor #ask-questions"),
      }),
    );
  });

  it.each([
    ["related", "related: [short-replies, short-replies, follow-up-email]", "related.1"],
    ["aliases", "aliases: [old-name, old-name]\nrelated: [short-replies, follow-up-email]", "aliases.1"],
    ["industries", "industries: [tech, tech]\nrelated: [short-replies, follow-up-email]", "industries.1"],
  ])("the same id twice in %s", (_, replacement, field) => {
    const { problems } = check((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace("related: [short-replies, follow-up-email]", replacement);
    });
    expect(problems).toContainEqual(expect.objectContaining({ kind: "duplicate-item", field }));
  });

  it("the same practice recommended twice by an industry", () => {
    const { problems } = check((f) => {
      f["industries/tech.mdx"] = f["industries/tech.mdx"]!.replace(
        "  - practice: follow-up-listening",
        "  - practice: ask-questions",
      );
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: "duplicate-item", field: "highlights.1.practice" }),
    );
  });
});

describe("messages that point at the mistake, and only at it", () => {
  it("an invalid entry causes no follow-on errors about the entry being missing", () => {
    const { problems } = check((f) => {
      f["practices/ask-questions.mdx"] = f["practices/ask-questions.mdx"]!.replace(
        "subsection:",
        "sumary: x\nsubsection:",
      );
    });
    expect(problems.map((p) => p.kind)).toEqual(["unknown-field"]);
  });

  it("an alias equal to another practice's id is reported on the alias, in its own file", () => {
    const { problems } = check((f) => {
      f["practices/ask-questions.mdx"] = f["practices/ask-questions.mdx"]!.replace(
        "subsection: Listening",
        "subsection: Listening\naliases: [subject-lines]",
      );
    });
    expect(problems).toEqual([
      expect.objectContaining({
        kind: "duplicate-id",
        file: expect.stringMatching(/ask-questions\.mdx$/),
        field: "aliases",
        message: expect.stringMatching(/^alias "subject-lines" is already used by .*subject-lines\.mdx$/),
      }),
    ]);
  });

  it("a YAML error names its line in the file", () => {
    const { problems } = check((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace("source: Say what", "source: Say: what");
    });
    // Line 4 of the file (the frontmatter's third); the parser's own count is not repeated.
    expect(problems).toEqual([expect.objectContaining({ kind: "frontmatter", line: 4 })]);
    expect(problems[0]!.message).not.toMatch(/at line/);
  });
});

describe("the permalink lock, in the check the build runs", () => {
  const lock = "# Every URL…\n/practices/subject-lines/\n/sections/basics/#subject-lines\n/practices/ask-questions/\n";

  it("a locked URL the content no longer publishes stops the check, at its line in the lock", () => {
    const { problems } = check((f) => {
      f["permalinks.txt"] = lock;
      f[PRACTICE] = f[PRACTICE]!.replace("id: subject-lines", "id: subject-line");
    });
    const locked = problems.filter((p) => p.kind === "permalink-unpublished");
    expect(locked.map((p) => [p.line, p.field])).toEqual([
      [2, "/practices/subject-lines/"],
      [3, "/sections/basics/#subject-lines"],
    ]);
    expect(locked[0]!.fix).toMatch(/listing the old id in `aliases`/);
  });

  it("an alias keeps a locked URL alive", () => {
    const { problems } = check((f) => {
      f["permalinks.txt"] = lock;
      f[PRACTICE] = f[PRACTICE]!.replace("id: subject-lines", "id: subject-line\naliases: [subject-lines]");
    });
    expect(problems.filter((p) => p.kind === "permalink-unpublished")).toEqual([]);
  });

  it("a practice refused for another reason is not reported again by the lock", () => {
    const { problems } = check((f) => {
      f["permalinks.txt"] = lock;
      f[PRACTICE] = f[PRACTICE]!.replace("subsection:", "sumary: x\nsubsection:");
    });
    expect(problems.map((p) => p.kind)).toEqual(["unknown-field"]);
  });
});
