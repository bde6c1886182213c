import { frontmatterLineOf, type HandbookContent } from "./read-entries.ts";
import type { Problem } from "./problems.ts";

/** How many questions a practice declares (`questions:`): enough to be found by, few enough to each be answered. */
export const QUESTIONS = { min: 2, max: 5 } as const;

/** A question as compared across pages: case, spacing and the closing "?" do not make two questions different. */
export const questionKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[?？\s]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The practices' `questions:` (what a reader types that the page answers,
 * searched just below the title): 2–5 per practice, each a question ending
 * in "?", none the practice's title reworded only in case or spacing, and
 * none asked on two pages, where search could not tell which page answers it.
 */
export function checkQuestions(content: HandbookContent): Problem[] {
  const problems: Problem[] = [];
  const asked = new Map<string, { file: string; index: number }>();
  for (const practice of content.practices) {
    const { questions, title } = practice.data;
    const lineOf = (path: (string | number)[]) => frontmatterLineOf(practice.text, path);
    if (questions.length < QUESTIONS.min || questions.length > QUESTIONS.max) {
      problems.push({
        kind: "questions",
        file: practice.file,
        line: lineOf(["questions"]) ?? 1,
        field: "questions",
        message: `the practice declares ${questions.length} question(s)`,
        fix: `list ${QUESTIONS.min}–${QUESTIONS.max} questions a reader would type that this page answers, e.g. "how soon should I follow up after meeting someone?"`,
      });
    }
    questions.forEach((question, index) => {
      const at = { kind: "questions", file: practice.file, line: lineOf(["questions", index]), field: `questions.${index}` };
      // A question may close on a quotation it ends with: what do I say to "so, what do you do?"
      if (!/\?["”’')\]]*$/u.test(question.trim()))
        problems.push({ ...at, message: `"${question}" does not end in "?"`, fix: "phrase it as the reader asks it, ending in ?" });
      const key = questionKey(question);
      if (key === questionKey(title))
        problems.push({
          ...at,
          message: `"${question}" is the page's title`,
          fix: "ask what a reader wants to know, in their words (the title is searched already)",
        });
      const first = asked.get(key);
      if (first && first.file !== practice.file) {
        problems.push({
          ...at,
          message: `"${question}" is also asked in ${first.file} [questions.${first.index}]`,
          fix: "keep the question on the one page that answers it best, and ask this page's own",
        });
      } else if (first) {
        problems.push({ ...at, message: `"${question}" is listed twice`, fix: "remove the repeat" });
      } else asked.set(key, { file: practice.file, index });
    });
  }
  return problems;
}
