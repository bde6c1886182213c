import { describe, expect, it } from "vitest";
import { checkHandbook } from "../../src/lib/content/check.ts";
import { formatProblem } from "../../src/lib/content/problems.ts";
import { writeFixture } from "../fixtures/mini.ts";

/** Checks the mini handbook after `edit` and returns only the writing problems, formatted as an author reads them. */
function writing(edit: Parameters<typeof writeFixture>[0]) {
  const { dir, source } = writeFixture(edit);
  const problems = checkHandbook(dir, source).problems;
  return { problems, text: problems.map(formatProblem).join("\n") };
}

/** The 1-based line of the first line of `text` that satisfies `test`. */
const lineOf = (text: string, test: (line: string) => boolean) => text.split("\n").findIndex(test) + 1;

const PRACTICE = "practices/subject-lines.mdx";

describe("the writing rules, in the check", () => {
  it("the mini handbook keeps them all", () => {
    expect(writing(() => {}).problems).toEqual([]);
  });

  it("a required part renamed: the line of the heading, and the parts expected", () => {
    let line = 0;
    const { text } = writing((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace("## How to do it", "## Steps");
      line = lineOf(f[PRACTICE]!, (l) => l === "## Steps");
    });
    expect(text).toContain(`subject-lines.mdx:${line} [body]: the body's ## headings are "Why it matters → Steps`);
    expect(text).toContain("fix: open with ## Why it matters, ## How to do it, in that order; then any of ## Example");
  });

  it("the optional parts may be left out, but an unknown or doubled part is refused", () => {
    const trimmed = writing((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace(/## Example[\s\S]*(?=## Watch out for)/, "");
    });
    expect(trimmed.problems.filter((p) => p.kind === "writing")).toEqual([]);
    let line = 0;
    const { text } = writing((f) => {
      f[PRACTICE] +=
        "\n## Tips\n\nA tip written here for the rule to find.\n\n## Watch out for\n\n- Another pitfall.\n";
      line = lineOf(f[PRACTICE]!, (l) => l === "## Tips");
    });
    expect(text).toContain(`subject-lines.mdx:${line} [body]: "## Tips" is not one of the handbook's parts`);
    expect(text).toContain("fix: use one of ## Example, ## Before and after, ## Watch out for, ## Skip this if");
    expect(text).toMatch(/"## Watch out for" appears twice\n\s+fix: merge the two into one part/);
  });

  it("too few steps: the line of the list", () => {
    let line = 0;
    const { text } = writing((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace(/^[23]\. .*\n/gm, "");
      line = lineOf(f[PRACTICE]!, (l) => l.startsWith("1. "));
    });
    expect(text).toContain(`subject-lines.mdx:${line} [body]: "How to do it" has 1 numbered steps`);
    expect(text).toContain("fix: write 2–8 steps as an ordered list");
  });

  it("an empty part", () => {
    const { text } = writing((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace(/## Watch out for\n\n[\s\S]*$/, "## Watch out for\n");
    });
    expect(text).toMatch(/subject-lines\.mdx:\d+ \[body\]: "Watch out for" is empty/);
  });

  it("every practice names at least two pitfalls, each in enough words for the sign and the fix", () => {
    const missing = writing((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace(/## Watch out for\n\n[\s\S]*$/, "");
    });
    expect(missing.text).toMatch(/subject-lines\.mdx:\d+ \[body\]: the practice has no "## Watch out for" part/);
    expect(missing.text).toContain('fix: add "## Watch out for" with a bulleted list of at least 2 pitfalls');
    let line = 0;
    const one = writing((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace(/^- Point 10 .*\n/m, "");
      line = lineOf(f[PRACTICE]!, (l) => l.startsWith("- Point 9"));
    });
    expect(one.text).toContain(`subject-lines.mdx:${line} [body]: "Watch out for" lists 1 pitfall`);
    const prose = writing((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace(/^- (Point 9 .*)\n- (Point 10 .*)\n/m, "$1 $2\n");
    });
    expect(prose.text).toContain('"Watch out for" lists 0 pitfalls');
    const short = writing((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace(/^- Point 10 .*$/m, "- **Overdoing it.** Don't.");
      line = lineOf(f[PRACTICE]!, (l) => l.startsWith("- **Overdoing"));
    });
    expect(short.text).toContain(`subject-lines.mdx:${line} [body]: a pitfall in "Watch out for" has 3 words`);
    expect(short.text).toContain(
      "fix: say in at least 15 words how it goes wrong, the sign to notice and what to do instead",
    );
  });

  it("a body too long, saying which way to fix it", () => {
    const { text } = writing((f) => {
      f[PRACTICE] += `\n${"Another sentence that adds words to the part. ".repeat(70)}\n`;
    });
    expect(text).toMatch(
      /subject-lines\.mdx:\d+ \[body\]: the body has \d+ words\n\s+fix: cut it: a practice body runs 120–600 words/,
    );
  });

  it("too few related practices, and a namesake left out", () => {
    const { text } = writing((f) => {
      f["practices/follow-up-email.mdx"] = f["practices/follow-up-email.mdx"]!.replace(
        "related: [follow-up-listening, subject-lines]",
        "related: [subject-lines]",
      );
    });
    expect(text).toContain("follow-up-email.mdx [related]: the practice lists 1 related practice(s)");
    expect(text).toContain(
      'follow-up-email.mdx [related]: "Follow-up" in Listening (follow-up-listening) has the same title but is not in related',
    );
    expect(text).toContain('fix: add "follow-up-listening" to related');
  });

  it("an outside address, as a link or as text", () => {
    const { problems } = writing((f) => {
      f[PRACTICE] += "\nSee [the guide](https://example.com/guide) or www.example.org.\n";
    });
    const external = problems.filter((p) => p.kind === "external-link");
    expect(external.map((p) => p.message)).toEqual([
      "the body names an outside address (https://example.com/guide)",
      "the body names an outside address (http://www.example.org)",
    ]);
    expect(external[0]!.line).toBeGreaterThan(1);
  });

  it("a paragraph pasted into a second entry, naming the first", () => {
    const pasted = "This exact paragraph of advice is long enough to count as a repeated paragraph.";
    const { text } = writing((f) => {
      f["practices/ask-questions.mdx"] += `\n${pasted}\n`;
      f[PRACTICE] += `\n${pasted}\n`;
    });
    expect(text).toMatch(/subject-lines\.mdx:\d+ \[body\]: this paragraph also appears in .*ask-questions\.mdx/);
  });

  it("a placeholder left in the frontmatter or the body", () => {
    const { text } = writing((f) => {
      f[PRACTICE] = f[PRACTICE]!.replace("source: Say", "source: Say").replace(
        "## Example\n",
        "## Example\n\nTODO: a better example.\n",
      );
      f["sections/basics.mdx"] = f["sections/basics.mdx"]!.replace("summary: The basics.", "summary: TODO");
    });
    expect(text).toMatch(/subject-lines\.mdx:\d+ \[body\]: the body holds a TODO/);
    expect(text).toMatch(/basics\.mdx:5: the frontmatter holds a TODO/);
  });

  it("an industry with too few general recommendations, and a reason too short", () => {
    const { text } = writing((f) => {
      f["industries/tech.mdx"] = f["industries/tech.mdx"]!.replace(/  - practice: short-replies\n.*\n/, "").replace(
        "why: Because asking matters in tech every single week.",
        "why: Because.",
      );
    });
    expect(text).toContain("tech.mdx [highlights]: the industry recommends 4 general practice(s) from other sections");
    expect(text).toContain('tech.mdx [highlights.0.why]: the reason for "ask-questions" has 1 word(s)');
  });

  it("a section introduction too short, and a subsection with no lead-in", () => {
    const { text } = writing((f) => {
      f["sections/basics.mdx"] = f["sections/basics.mdx"]!.replace(/---\n\n[\s\S]*$/, "---\n\nToo short.\n").replace(
        "    intro: Messages that get read and answered.\n",
        "",
      );
    });
    expect(text).toMatch(/basics\.mdx:\d+ \[body\]: the section's introduction has 2 words/);
    expect(text).toContain('basics.mdx [subsections.1.intro]: the subsection "Email" has no lead-in');
  });
});
