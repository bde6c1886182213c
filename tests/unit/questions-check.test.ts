import { describe, expect, it } from "vitest";
import { checkHandbook } from "../../src/lib/content/check.ts";
import { formatProblem } from "../../src/lib/content/problems.ts";
import { questionKey } from "../../src/lib/content/questions.ts";
import { writeFixture } from "../fixtures/mini.ts";

const PRACTICE = "practices/subject-lines.mdx";
const OTHER = "practices/ask-questions.mdx";

/** The mini handbook with `questions` as the practice's list, checked; the questions problems as an author reads them. */
function withQuestions(questions: string[], edit: Parameters<typeof writeFixture>[0] = () => {}) {
  let text = "";
  const { dir, source } = writeFixture((f) => {
    f[PRACTICE] = f[PRACTICE]!.replace(
      /questions:\n(  - .*\n)+/,
      questions.length ? `questions:\n${questions.map((q) => `  - ${JSON.stringify(q)}\n`).join("")}` : "",
    );
    edit(f);
    text = f[PRACTICE]!;
  });
  const problems = checkHandbook(dir, source).problems.filter((p) => p.kind === "questions");
  const lineOf = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
  return { problems, text: problems.map(formatProblem).join("\n"), lineOf };
}

describe("the practices' questions, in the check", () => {
  it("accepts 2–5 questions of the page's own", () => {
    expect(withQuestions(["How do I write a subject line?", "What makes people open an email?"]).problems).toEqual([]);
  });

  it("refuses a page without questions, or with too many, naming the field and the range", () => {
    const none = withQuestions([]);
    expect(none.text).toMatch(/subject-lines\.mdx:1 \[questions\]: the practice declares 0 question\(s\)/);
    expect(none.text).toContain("fix: list 2–5 questions a reader would type");
    const six = withQuestions(["A one?", "A two?", "A three?", "A four?", "A five?", "A six?"]);
    expect(six.text).toMatch(
      new RegExp(`subject-lines\\.mdx:${six.lineOf("A one?")} \\[questions\\]: the practice declares 6`),
    );
  });

  it("refuses a question that does not end in ?, on its own line and item", () => {
    const { text, lineOf } = withQuestions(["How do I write a subject line?", "Subject lines that work"]);
    expect(text).toContain(
      `subject-lines.mdx:${lineOf("Subject lines that work")} [questions.1]: "Subject lines that work" does not end in "?"`,
    );
    expect(text).toContain("fix: phrase it as the reader asks it, ending in ?");
  });

  it("accepts a question that ends in a quoted question", () => {
    expect(
      withQuestions(['What do I say when asked "so, what do you do?"', "Why do emails go unread?"]).problems,
    ).toEqual([]);
  });

  it("refuses the title as a question, whatever its case and spacing", () => {
    const { text } = withQuestions(["subject   LINES?", "What makes people open an email?"]);
    expect(text).toContain(`[questions.0]: "subject   LINES?" is the page's title`);
  });

  it("refuses a question asked on another page, naming both, case- and space-insensitive", () => {
    const { text, lineOf } = withQuestions(["What does  ASK-QUESTIONS involve?", "What makes people open an email?"]);
    expect(text).toContain(
      `subject-lines.mdx:${lineOf("ASK-QUESTIONS")} [questions.0]: "What does  ASK-QUESTIONS involve?" is also asked in`,
    );
    expect(text).toMatch(/ask-questions\.mdx \[questions\.0\]/);
    expect(text).toContain("fix: keep the question on the one page that answers it best");
  });

  it("refuses a question listed twice on one page", () => {
    const { text } = withQuestions(["How do I write a subject line?", "how do I write a subject line ?"]);
    expect(text).toContain(`[questions.1]: "how do I write a subject line ?" is listed twice`);
  });

  it("compares questions without case, spacing or the closing mark", () => {
    expect(questionKey("  How  soon\tshould I?  ")).toBe(questionKey("how soon should i"));
    expect(questionKey("How soon?")).not.toBe(questionKey("How late?"));
  });

  it("leaves the other page alone", () => {
    expect(
      withQuestions(["How do I write a subject line?", "Why do emails go unread?"], (f) => {
        f[OTHER] = f[OTHER]!;
      }).problems,
    ).toEqual([]);
  });
});
