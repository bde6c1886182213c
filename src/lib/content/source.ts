import { fromMarkdown } from "mdast-util-from-markdown";
import type { List, ListItem, Node, Paragraph, PhrasingContent, RootContent } from "mdast";

/** One `- **Title**: text` bullet of the source document. */
export interface SourcePractice {
  /** The bold title, exactly as written. */
  title: string;
  /** Everything after `**Title**: `, exactly as written. */
  text: string;
  /** 1-based line of the bullet in the source file. */
  line: number;
}

/** One `###` heading and the bullets under it. */
export interface SourceSubsection {
  title: string;
  line: number;
  practices: SourcePractice[];
}

/** One `##` heading: its paragraphs (the Overview has one) and its subsections. */
export interface SourceSection {
  title: string;
  line: number;
  /** Paragraph text directly under the `##` heading, verbatim, joined by blank lines. */
  intro: string;
  subsections: SourceSubsection[];
}

export interface SourceDocument {
  /** The `#` title of the document. */
  title: string;
  sections: SourceSection[];
}

/** A structural problem in the source document itself, with the line to look at. */
export class SourceParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`source line ${line}: ${message}`);
    this.name = "SourceParseError";
  }
}

/** The raw Markdown between two offsets, so that text is compared byte for byte, not as rendered. */
function rawSlice(markdown: string, start: number | undefined, end: number | undefined): string {
  return markdown.slice(start ?? 0, end ?? 0);
}

function plainText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) =>
      "value" in node ? node.value : "children" in node ? plainText(node.children as PhrasingContent[]) : "",
    )
    .join("");
}

function parsePractice(markdown: string, item: ListItem, line: number): SourcePractice {
  const paragraph = item.children[0];
  const hint = "write each practice as `- **Title**: text`";
  if (!paragraph || paragraph.type !== "paragraph" || item.children.length !== 1) {
    throw new SourceParseError(line, `a practice bullet must be one paragraph; ${hint}`);
  }
  const [strong, ...rest] = (paragraph as Paragraph).children;
  if (!strong || strong.type !== "strong") {
    throw new SourceParseError(line, `the bullet does not start with a bold title; ${hint}`);
  }
  const afterTitle = rawSlice(markdown, strong.position?.end.offset, paragraph.position?.end.offset);
  if (!afterTitle.startsWith(":") || rest.length === 0) {
    throw new SourceParseError(line, `the bold title is not followed by ": text"; ${hint}`);
  }
  return { title: plainText(strong.children), text: afterTitle.slice(1).trim(), line };
}

/**
 * Parses the source document with a real Markdown parser (mdast) into its
 * sections, subsections and practices, keeping each one's verbatim text and line.
 * Throws a SourceParseError naming the line when the document strays from the
 * shape the handbook is built on (`#` title, `##` sections, `###` subsections,
 * bold-titled bullets).
 */
export function parseSource(markdown: string): SourceDocument {
  const doc: SourceDocument = { title: "", sections: [] };
  let section: SourceSection | undefined;
  let subsection: SourceSubsection | undefined;

  for (const chunk of headingChunks(markdown)) {
    const text = chunk.text;
    const lineOf = (node: Node) => (node.position?.start.line ?? 1) + chunk.line - 1;
    for (const node of fromMarkdown(text).children as RootContent[]) {
      const line = lineOf(node);
      if (node.type === "heading") {
        const title = plainText(node.children);
        if (node.depth === 1) {
          doc.title = title;
        } else if (node.depth === 2) {
          section = { title, line, intro: "", subsections: [] };
          subsection = undefined;
          doc.sections.push(section);
        } else if (node.depth === 3) {
          if (!section) throw new SourceParseError(line, `"### ${title}" comes before any "##" section`);
          subsection = { title, line, practices: [] };
          section.subsections.push(subsection);
        } else {
          throw new SourceParseError(
            line,
            `heading level ${node.depth} is not part of the handbook's structure (use ## or ###)`,
          );
        }
      } else if (node.type === "paragraph") {
        if (!section || subsection) {
          throw new SourceParseError(
            line,
            "a paragraph is only allowed directly under a ## heading, before its first ###",
          );
        }
        const raw = rawSlice(text, node.position?.start.offset, node.position?.end.offset);
        section.intro = section.intro ? `${section.intro}\n\n${raw}` : raw;
      } else if (node.type === "list") {
        if (!subsection) throw new SourceParseError(line, "a list of practices must sit under a ### subsection");
        for (const item of (node as List).children) subsection.practices.push(parsePractice(text, item, lineOf(item)));
      } else {
        throw new SourceParseError(
          line,
          `unexpected ${node.type}; the source holds only headings, paragraphs and practice lists`,
        );
      }
    }
  }
  if (!doc.title) throw new SourceParseError(1, "the document has no # title");
  return doc;
}

/**
 * The document cut before each heading line, each piece with its first line.
 *
 * Why: the Markdown parser slows down more than linearly on one long document
 * (a source a hundred times this size took 40 s instead of 1). A heading at the
 * start of a line always ends the block before it, so the pieces parse to the
 * same tree. Inside a fenced code block or an HTML comment, where a `#` line is
 * not a heading, the document is not cut. Lines end where the parser ends them,
 * at `\r\n`, `\r` or `\n`, so a piece's first line is the line the parser counts
 * and a problem names the line an editor shows.
 */
export function headingChunks(markdown: string): { text: string; line: number }[] {
  if (markdown.includes("<!--")) return [{ text: markdown, line: 1 }];
  const chunks: { text: string; line: number }[] = [];
  // Each line at an even index, the ending after it at the next odd one.
  const parts = markdown.split(/(\r\n|\r|\n)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  let start = 0;
  let fence: string | undefined;
  lines.forEach((text, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
    }
    if (!fence && i > start && /^#{1,6}(\s|$)/.test(text)) {
      chunks.push({ text: parts.slice(2 * start, 2 * i - 1).join(""), line: start + 1 });
      start = i;
    }
  });
  chunks.push({ text: parts.slice(2 * start).join(""), line: start + 1 });
  return chunks;
}

/** Every practice of the document with the section and subsection it sits in. */
export function listPractices(doc: SourceDocument): Array<SourcePractice & { section: string; subsection: string }> {
  return doc.sections.flatMap((s) =>
    s.subsections.flatMap((ss) => ss.practices.map((p) => ({ ...p, section: s.title, subsection: ss.title }))),
  );
}
