import { describe, expect, it } from "vitest";
import { checkHandbook } from "../../src/lib/content/check.ts";
import { formatCounts } from "../../src/lib/content/coverage.ts";
import { formatProblem } from "../../src/lib/content/problems.ts";
import { MINI_SOURCE, writeFixture } from "../fixtures/mini.ts";

function check(edit?: Parameters<typeof writeFixture>[0]) {
  const { dir, source } = writeFixture(edit);
  const result = checkHandbook(dir, source);
  return { ...result, text: result.problems.map(formatProblem).join("\n") };
}

describe("checkHandbook on a complete handbook", () => {
  it("reports full coverage and no problems", () => {
    const result = check();
    expect(result.problems).toEqual([]);
    expect(formatCounts(result.coverage!)).toBe("sections 2/2 · subsections 3/3 · practices 6/6");
  });
});

describe("checkHandbook names the file, the field and the fix", () => {
  it("a bullet with no entry", () => {
    const result = check((f) => delete f["practices/ask-questions.mdx"]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        kind: "uncovered",
        line: 11,
        field: "practice",
        message: "- **Ask Questions** has no entry",
      }),
    );
    expect(result.text).toMatch(
      /networking-best-practices\.md:11 \[practice\].*\n.*fix: add a file to content\/practices\//,
    );
    expect(result.coverage!.practices).toEqual({ covered: 5, total: 6 });
  });

  it("a ### heading with no entry", () => {
    const result = check((f) => {
      f["sections/basics.mdx"] = f["sections/basics.mdx"]!.replace(
        "  - title: Email\n    intro: Messages that get read and answered.\n",
        "",
      );
    });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ kind: "uncovered", line: 13, field: "subsection", message: "### Email has no entry" }),
    );
    // The practice under it now names a subsection its section does not list.
    expect(result.text).toContain(
      'practices/follow-up-email.mdx [subsection]: subsection "Email" is not one of section "basics"',
    );
  });

  it("an entry whose source item no longer exists (orphan)", () => {
    const result = check((f) => {
      f["source/networking-best-practices.md"] = MINI_SOURCE.replace("- **Ask Questions**: Ask open questions\n", "");
    });
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: "orphan", field: "title" }));
    expect(result.text).toMatch(
      /practices\/ask-questions\.mdx \[title\]: - \*\*Ask Questions\*\* \(Listening\) is not in the source document/,
    );
  });

  it("reworded source text, showing both versions", () => {
    const result = check((f) => {
      f["source/networking-best-practices.md"] = MINI_SOURCE.replace("Ask open questions", "Ask open-ended questions");
    });
    const problem = result.problems.find((p) => p.kind === "reworded")!;
    expect(problem.file).toMatch(/practices\/ask-questions\.mdx$/);
    expect(problem.field).toBe("source");
    expect(problem.message).toContain('source: "Ask open-ended questions"');
    expect(problem.message).toContain('entry:  "Ask open questions"');
  });

  it("a reworded Overview paragraph", () => {
    const result = check((f) => {
      f["source/networking-best-practices.md"] = MINI_SOURCE.replace("A short handbook", "A small handbook");
    });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ kind: "reworded", file: expect.stringMatching(/home\/index\.mdx$/) }),
    );
  });

  it("two entries claiming one bullet", () => {
    const result = check((f) => {
      f["practices/ask-again.mdx"] = f["practices/ask-questions.mdx"]!.replace("id: ask-questions", "id: ask-again");
    });
    const problem = result.problems.find((p) => p.kind === "duplicate-claim")!;
    expect(problem.message).toMatch(/- \*\*Ask Questions\*\* \(source line 11\) is already covered by .*ask-/);
  });

  it("duplicate practice ids", () => {
    const result = check((f) => {
      f["practices/copy.mdx"] = f["practices/follow-up-email.mdx"]!.replace("id: follow-up-email", "id: ask-questions");
    });
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        kind: "duplicate-id",
        field: "id",
        message: expect.stringMatching(/practice id "ask-questions" is already used by .*ask-questions\.mdx/),
      }),
    );
  });

  it("an alias that collides with another practice's id", () => {
    const result = check((f) => {
      f["practices/follow-up-email.mdx"] = f["practices/follow-up-email.mdx"]!.replace(
        "subsection: Email",
        "subsection: Email\naliases: [ask-questions]",
      );
    });
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: "duplicate-id", field: "aliases" }));
  });

  it("a reference to a section that does not exist", () => {
    const result = check((f) => {
      f["practices/ask-questions.mdx"] = f["practices/ask-questions.mdx"]!.replace("section: basics", "section: basic");
    });
    const problem = result.problems.find((p) => p.kind === "unknown-reference")!;
    expect(problem).toMatchObject({
      field: "section",
      message: 'section "basic" does not exist',
      fix: "use one of: basics",
    });
    expect(problem.file).toMatch(/practices\/ask-questions\.mdx$/);
  });

  it("related and highlighted practices that do not exist", () => {
    const result = check((f) => {
      f["practices/follow-up-listening.mdx"] = f["practices/follow-up-listening.mdx"]!.replace(
        "[follow-up-email, ask-questions]",
        "[follow-up-email, follow-up-mail, follow-up-listening]",
      );
      f["industries/tech.mdx"] = f["industries/tech.mdx"]!.replace("practice: ask-questions", "practice: ask-question");
    });
    expect(result.text).toContain('[related]: related practice "follow-up-mail" does not exist');
    expect(result.text).toContain("[related]: the practice lists itself as related");
    expect(result.text).toContain('tech.mdx [highlights.0.practice]: practice "ask-question" does not exist');
  });

  it("an unknown frontmatter key", () => {
    const result = check((f) => {
      f["practices/ask-questions.mdx"] = f["practices/ask-questions.mdx"]!.replace(
        "subsection: Listening",
        "subsection: Listening\nrelatd: []",
      );
    });
    const problem = result.problems.find((p) => p.kind === "unknown-field")!;
    expect(problem.message).toBe('unknown frontmatter key "relatd"');
    expect(problem.fix).toMatch(
      /allowed keys: id, title, source, section, subsection, questions, industries, related, aliases/,
    );
  });

  it("a missing required field and a malformed id", () => {
    const result = check((f) => {
      f["practices/ask-questions.mdx"] = f["practices/ask-questions.mdx"]!.replace(
        "source: Ask open questions\n",
        "",
      ).replace("id: ask-questions", "id: Ask Questions");
    });
    expect(result.text).toContain('[source]: required field "source" is missing');
    expect(result.text).toMatch(/\[id\]: use lowercase letters, digits and single hyphens/);
  });

  it("a source that strays from the handbook's structure", () => {
    const result = check((f) => {
      f["source/networking-best-practices.md"] = `${MINI_SOURCE}- not a practice\n`;
    });
    expect(result.coverage).toBeUndefined();
    const line = MINI_SOURCE.split("\n").length;
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: "source", line }));
  });
});

describe("links in entry bodies", () => {
  it("accept existing practices, sections and anchors and report the rest", () => {
    const result = check((f) => {
      f["home/index.mdx"] +=
        "\nSee [Ask](/practices/ask-questions/), [Email](/sections/basics/#email), [it](/sections/basics/#follow-up-email) and [gone](/practices/ask-question/).\n\n[Bad anchor](/sections/basics/#nope)\n";
    });
    const broken = result.problems.filter((p) => p.kind === "broken-link");
    expect(broken.map((p) => [p.line, p.message])).toEqual([
      [8, "the link to /practices/ask-question/ goes to no page or anchor of the handbook"],
      [10, "the link to /sections/basics/#nope goes to no page or anchor of the handbook"],
    ]);
    expect(broken[0]!.file).toMatch(/home\/index\.mdx$/);
  });
});

describe("entry bodies that would not render", () => {
  it("are reported with the line in the file and the fix, before the build", () => {
    let line = 0;
    const result = check((f) => {
      line = f["practices/ask-questions.mdx"]!.split("\n").length + 1;
      f["practices/ask-questions.mdx"] += "\n<Callout>\n\nx\n\n</Callout>\n";
    });
    const problem = result.problems.find((p) => p.kind === "body")!;
    expect(problem).toMatchObject({ file: expect.stringMatching(/practices\/ask-questions\.mdx$/), line });
    expect(result.text).toContain(`ask-questions.mdx:${line}: <Callout> is not a component entries can use`);
    expect(result.text).toMatch(/is not a component entries can use\n.*fix: use <Message/);
  });
});
