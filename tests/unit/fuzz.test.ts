import fc from "fast-check";
import { stringify as toYaml } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { BodyError, parseBody, renderTree } from "../../src/lib/content/body.ts";
import { validateEntry } from "../../src/lib/content/read-entries.ts";
import { plainSchemas } from "../../src/lib/content/schemas.ts";
import { fromMarkdown } from "mdast-util-from-markdown";
import { headingChunks, parseSource, SourceParseError } from "../../src/lib/content/source.ts";

// Authors paste text from anywhere into content/, and a crash there would stop
// the build with a stack trace instead of a file, a line and a fix. These
// properties feed the three readers of hostile text thousands of inputs each.

const RUNS = Number(process.env["FUZZ_RUNS"] ?? 1500);

// Each property is bounded by its run count and by RUN_LIMIT_MS per input, the
// limit that matters. The test timeout only catches a hang, so it is generous
// enough that a busy two-core machine does not fail 1500 honest runs.
vi.setConfig({ testTimeout: 60_000 });

/**
 * A fixed seed keeps `npm test` the same from run to run; `FUZZ_SEED=random`
 * (or another number) explores new inputs, and a failure prints the seed that
 * replays it.
 */
const seedSetting = process.env["FUZZ_SEED"];
if (seedSetting !== "random") fc.configureGlobal({ seed: Number(seedSetting ?? 20_260_112) });

/**
 * A run this slow is a hang in the making. A synchronous parser cannot be
 * interrupted, so the guard times each run and fails the property when it ends.
 */
const RUN_LIMIT_MS = 2000;

function withinLimit<T>(run: () => T): T {
  const start = performance.now();
  const result = run();
  const elapsed = performance.now() - start;
  if (elapsed > RUN_LIMIT_MS) throw new Error(`one input took ${Math.round(elapsed)} ms (limit ${RUN_LIMIT_MS} ms)`);
  return result;
}

/** Any text: ASCII, any Unicode code point (lone surrogates included), and printable graphemes. */
const anyText = fc.oneof(
  fc.string({ unit: "binary-ascii", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
);

/** Lines joined into a document, mixing the given fragments with arbitrary text. */
const linesOf = (fragments: fc.Arbitrary<string>, maxLength = 30) =>
  fc
    .array(fc.oneof({ weight: 4, arbitrary: fragments }, { weight: 1, arbitrary: anyText }), { maxLength })
    .chain((lines) => fc.constantFrom("\n", "\r\n").map((eol) => lines.join(eol)));

const word = fc.oneof(
  fc.constantFrom("Follow-up", "Ask", "ü", "日本語", "🤝", "a\u0300", "x", ""),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

const sourceLine = fc.oneof(
  word.map((w) => `# ${w}`),
  word.map((w) => `## ${w}`),
  word.map((w) => `### ${w}`),
  word.map((w) => `#### ${w}`),
  fc.tuple(word, word).map(([title, text]) => `- **${title}**: ${text}`),
  fc.tuple(word, word).map(([title, text]) => `- **${title}** ${text}`),
  fc.tuple(word, word).map(([title, text]) => `  - *${title}*: ${text}`),
  word.map((w) => `1. ${w}`),
  word,
  fc.constantFrom("", "```", "~~~", "<!--", "-->", "> quote", "| a | b |", "|---|---|", "---", "***", "    code"),
  fc.constantFrom("<div>", "</div>", "[link](/x)", "![img](x.png)", "\\", "**", "- ", "-", "#", "\t# tab"),
);

/** Lines as Markdown and editors count them: `\r\n`, `\r` and `\n` each end one. */
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

/**
 * The top-level blocks of a document as `type@line`, up to and with the first
 * one the source may not hold: `parseSource` stops there with that line, so
 * what follows (an HTML block's extent, say) cannot change its outcome.
 */
function blocksUntilRefused(blocks: { type: string; position?: { start: { line: number } } | undefined }[]) {
  const shown: string[] = [];
  for (const block of blocks) {
    shown.push(`${block.type}@${block.position!.start.line}`);
    if (!["heading", "paragraph", "list"].includes(block.type)) break;
  }
  return shown;
}

describe("fuzz: the source parser", () => {
  it("cuts a document into pieces that parse to the blocks of the whole, at the same lines", () => {
    fc.assert(
      fc.property(linesOf(sourceLine, 40), (markdown) => {
        const whole = blocksUntilRefused(fromMarkdown(markdown).children);
        const pieces = blocksUntilRefused(
          headingChunks(markdown).flatMap((chunk) =>
            fromMarkdown(chunk.text).children.map((block) => ({
              type: block.type,
              position: { start: { line: block.position!.start.line + chunk.line - 1 } },
            })),
          ),
        );
        expect(pieces).toEqual(whole);
      }),
      { numRuns: RUNS },
    );
  });

  it("parses any text or refuses it with a SourceParseError at a line of the document", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, linesOf(sourceLine, 40)), (markdown) => {
        withinLimit(() => {
          try {
            parseSource(markdown);
          } catch (error) {
            if (!(error instanceof SourceParseError)) throw error;
            expect(Number.isInteger(error.line)).toBe(true);
            expect(error.line).toBeGreaterThanOrEqual(1);
            expect(error.line).toBeLessThanOrEqual(lineCount(markdown));
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});

const schemaNames = Object.keys(plainSchemas) as (keyof typeof plainSchemas)[];

/** Keys the schemas know, and some they do not. */
const key = fc.oneof(
  fc.constantFrom(
    "id",
    "title",
    "source",
    "section",
    "subsection",
    "industries",
    "related",
    "aliases",
    "heading",
    "order",
    "summary",
    "subsections",
    "highlights",
    "practice",
    "why",
    "intro",
  ),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 8 }),
);

/** YAML as people write it by hand, broken in the ways it gets broken. */
const yamlLine = fc.oneof(
  fc.tuple(key, word).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(key, word, word).map(([k, a, b]) => `${k}: [${a}, ${b}]`),
  fc.tuple(key, word).map(([k, v]) => `${k}: "${v}`),
  fc.tuple(key, word).map(([k, v]) => `${k}: ${v}: ${v}`),
  fc.tuple(key, word).map(([k, v]) => `  - ${k}: ${v}`),
  word.map((v) => `  - ${v}`),
  word.map((v) => `    why: ${v}`),
  fc.constantFrom("base: &a [x, y]", "copy: *a", "copy: *missing", "<<: *a", "tag: !!binary x", "tag: !custom x"),
  fc.constantFrom("\tid: tab", "? complex", ": value", "{", "}", "[", "- - -", "...", "--- ", "%YAML 1.2", "'"),
  fc.constantFrom("order: 1", "order: -1", "order: 1e400", "order: .nan", "id: null", "id: ~", "id: 12"),
);

/** Valid YAML of any shape, built from JSON values and the schemas' own keys. */
const yamlDocument = fc
  .dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 })
  .map((value) => toYaml(value).trimEnd());

const entryText = fc.oneof(
  anyText,
  fc
    .tuple(fc.oneof(linesOf(yamlLine, 15), yamlDocument), anyText)
    .map(([frontmatter, body]) => `---\n${frontmatter}\n---\n${body}`),
);

describe("fuzz: the frontmatter reader", () => {
  it("turns any text into data or into problems that name the file and a fix, and never throws", () => {
    fc.assert(
      fc.property(fc.constantFrom(...schemaNames), entryText, (collection, text) => {
        const result = withinLimit(() => validateEntry("fuzz.mdx", text, plainSchemas[collection]));
        if (result.data !== undefined) {
          expect(result.problems).toEqual([]);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
        }
        for (const problem of result.problems) {
          expect(problem.file).toBe("fuzz.mdx");
          expect(typeof problem.message).toBe("string");
          expect(problem.fix).not.toBe("");
          if (problem.line !== undefined) expect(problem.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

const inline = fc.oneof(
  word,
  fc.constantFrom("{", "}", "\\{", "\\<", "<", ">", "<3", "a < b", "{/* note */}", "{1 + 1}", "{/* open"),
  fc.constantFrom("[a](/practices/x/)", "[a](https://example.org)", "[a]", "[a]: /b", "<https://x.y>", "`code`"),
  fc.constantFrom("*em*", "**strong**", "~~del~~", "_", "&amp;", "&#0;", "<br>", "<b>x</b>", "<Message>", "</>"),
);

const bodyLine = fc.oneof(
  fc.array(inline, { maxLength: 6 }).map((parts) => parts.join(" ")),
  word.map((w) => `## ${w}`),
  word.map((w) => `### ${w} {#id}`),
  word.map((w) => `<Message label="${w}">`),
  fc.constantFrom("<Message>", '<Message label="">', "<Message label={x}>", '<Message label="x" tone="y">'),
  fc.constantFrom('<Message label="x" />', "</Message>", "<Other>", "</Other>", "<message label='x'>", "<>", "</>"),
  fc.constantFrom("", "", "```", "```js", "~~~", "    indented", "> quote", "1. step", "- item", "| a |", "|---|"),
  fc.constantFrom("import x from 'y'", "export const a = 1", "export default {}", "<!-- html comment -->", "---"),
);

describe("fuzz: the body checker", () => {
  it("parses any MDX-ish body into a tree that renders, or refuses it with a BodyError", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, linesOf(bodyLine, 25)), (body) => {
        withinLimit(() => {
          let tree;
          try {
            tree = parseBody(body);
          } catch (error) {
            if (!(error instanceof BodyError)) throw error;
            if (error.line !== undefined) expect(error.line).toBeGreaterThanOrEqual(1);
            return;
          }
          expect(tree.type).toBe("root");
          // The build renders every tree the check accepts: that must not fail either.
          expect(typeof renderTree(tree, { base: "/handbook/" }).html).toBe("string");
        });
      }),
      { numRuns: RUNS },
    );
  });
});
