import type { Element, Root as HastRoot } from "hast";
import type { Nodes, Root as MdastRoot, RootContent } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import GithubSlugger from "github-slugger";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import remarkSmartypants from "remark-smartypants";
import { unified } from "unified";
import { VFile } from "vfile";
import { rehypeBaseLinks } from "./rehype-base-links.ts";

/**
 * The one component an entry's MDX body may use, and its one attribute. Bodies
 * are otherwise plain Markdown, which is what lets every body be turned into
 * HTML once, when content loads, instead of compiled into a module per entry.
 */
export const BODY_COMPONENT = { name: "Message", attribute: "label" } as const;

/**
 * The optional `channel` of a `<Message>`: where the text would be sent, so
 * the content check can hold it to that channel's real limits (see
 * `editorial.ts`). Spoken lines and letters have no channel.
 */
export const MESSAGE_CHANNELS = [
  "email",
  "linkedin-invitation",
  "linkedin-message",
  "text-message",
  "chat",
  "post",
  "comment",
] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** A body that cannot be rendered, with the line and the fix, for the content check and the build. */
export class BodyError extends Error {
  constructor(
    readonly line: number | undefined,
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${line ? `line ${line}: ` : ""}${reason}. Fix: ${fix}`);
  }
}

export interface BodyOptions {
  /** The site's base path, prefixed to site-relative links (`/practices/…/`). */
  base: string;
  /**
   * Keep `##` headings out of search. Every practice shares the same few part
   * headings, so they would match every page and tell the reader nothing.
   */
  partHeadings?: boolean;
}

export interface RenderedBody {
  html: string;
  /** Every heading, for a table of contents, in Astro's `MarkdownHeading` shape. */
  headings: { depth: number; slug: string; text: string }[];
}

const allowedMessage = `<${BODY_COMPONENT.name} ${BODY_COMPONENT.attribute}="…">`;
const lineOf = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line;

/** The `channel` a `<Message>` declares, if any (the body has been checked, so it is a known one). */
export function messageChannel(node: MdxJsxFlowElement): MessageChannel | undefined {
  for (const attribute of node.attributes) {
    if (attribute.type === "mdxJsxAttribute" && attribute.name === "channel" && typeof attribute.value === "string") {
      return attribute.value as MessageChannel;
    }
  }
  return undefined;
}

/** MDX comments (`{/* … *\/}`) are allowed and dropped; anything else in braces is code. */
const isComment = (value: string) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(value);

function messageLabel(node: MdxJsxFlowElement): string {
  if (node.name !== BODY_COMPONENT.name) {
    throw new BodyError(
      lineOf(node),
      `<${node.name ?? ""}> is not a component entries can use`,
      `use ${allowedMessage} for a message readers can copy, or Markdown for anything else`,
    );
  }
  let label: string | undefined;
  for (const attribute of node.attributes) {
    const name = attribute.type === "mdxJsxAttribute" ? attribute.name : "{…}";
    if (attribute.type !== "mdxJsxAttribute" || (name !== BODY_COMPONENT.attribute && name !== "channel")) {
      throw new BodyError(
        lineOf(node),
        `<${BODY_COMPONENT.name}> has an unknown attribute "${name}"`,
        `keep only ${BODY_COMPONENT.attribute}="…" and, optionally, channel="…"`,
      );
    }
    if (name === "channel") {
      if (typeof attribute.value !== "string" || !(MESSAGE_CHANNELS as readonly string[]).includes(attribute.value)) {
        throw new BodyError(
          lineOf(node),
          `<${BODY_COMPONENT.name}> has channel="${typeof attribute.value === "string" ? attribute.value : "{…}"}"`,
          `use one of ${MESSAGE_CHANNELS.map((c) => `"${c}"`).join(", ")}, or leave it out for spoken words`,
        );
      }
      continue;
    }
    if (typeof attribute.value !== "string" || !attribute.value.trim()) {
      throw new BodyError(
        lineOf(node),
        `<${BODY_COMPONENT.name}> needs a ${BODY_COMPONENT.attribute} in quotes`,
        `write it as ${BODY_COMPONENT.attribute}="Follow-up email"`,
      );
    }
    label = attribute.value.trim();
  }
  if (label === undefined) {
    throw new BodyError(
      lineOf(node),
      `<${BODY_COMPONENT.name}> has no ${BODY_COMPONENT.attribute}`,
      `say what the text is, e.g. ${BODY_COMPONENT.attribute}="Follow-up email"`,
    );
  }
  return label;
}

/** Refuses what only compiled MDX could run: imports, exports, expressions, inline or nested components. */
function checkTree(nodes: RootContent[], insideMessage: boolean) {
  for (const node of nodes) {
    if (node.type === "mdxjsEsm") {
      throw new BodyError(lineOf(node), "entries cannot import or export code", "remove the import/export line");
    }
    if ((node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") && !isComment(node.value)) {
      throw new BodyError(
        lineOf(node),
        `"{${node.value.trim().slice(0, 30)}}" is an expression, and entries hold text only`,
        "write the text itself; to show braces, escape them as \\{ and \\}",
      );
    }
    if (node.type === "mdxJsxTextElement") {
      throw new BodyError(
        lineOf(node),
        `<${node.name ?? ""}> sits inside a paragraph`,
        `put ${allowedMessage} on a line of its own with a blank line before and after its text`,
      );
    }
    if (node.type === "mdxJsxFlowElement") {
      messageLabel(node);
      if (insideMessage) {
        throw new BodyError(
          lineOf(node),
          `<${BODY_COMPONENT.name}> is inside another one`,
          "close the first before opening the next",
        );
      }
    }
    if ("children" in node)
      checkTree(node.children as RootContent[], insideMessage || node.type === "mdxJsxFlowElement");
  }
}

/** Marks where a message starts and ends in the HTML; `messageSegments` splits on these. */
const OPEN = "message:";
const CLOSE = "/message";

/**
 * Turns an entry's MDX body into HTML with Astro's Markdown defaults (GFM,
 * smart punctuation, github-slugger heading ids). Each `<Message>` becomes a
 * pair of HTML comments around its content, for the page to wrap in the
 * Message component, so the component stays the one place its markup lives.
 * Throws a BodyError naming the line and the fix for anything else MDX allows.
 */
export function renderBody(body: string, options: BodyOptions): RenderedBody {
  return renderTree(parseBody(body), options);
}

/**
 * Renders a tree that `parseBody` made, so the tree the checks read is the
 * one the page shows, parsed once. The tree is copied first: the Markdown
 * transforms (smart quotes) change it in place, and the checks may read it again
 * when `astro dev` reloads an edited entry.
 */
export function renderTree(tree: MdastRoot, options: BodyOptions): RenderedBody {
  const processor = processorFor(options);
  const file = new VFile();
  const hast = processor.runSync(structuredClone(tree), file);
  return {
    html: processor.stringify(hast, file),
    headings: (file.data["headings"] as RenderedBody["headings"] | undefined) ?? [],
  };
}

// One processor per set of options, reused: building it costs more than rendering a body.
const processors = new Map<string, ReturnType<typeof createProcessor>>();
function processorFor(options: BodyOptions) {
  const key = JSON.stringify([options.base, Boolean(options.partHeadings)]);
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = createProcessor(options)));
  return processor;
}

function createProcessor(options: BodyOptions) {
  return unified()
    .use(remarkSmartypants)
    .use(remarkRehype, {
      handlers: {
        mdxJsxFlowElement: (state, node: MdxJsxFlowElement) => [
          { type: "comment", value: OPEN + encodeURIComponent(messageLabel(node)) },
          ...state.all(node),
          { type: "comment", value: CLOSE },
        ],
        mdxFlowExpression: () => undefined,
        mdxTextExpression: () => undefined,
      },
    })
    .use(() => (tree: HastRoot, file: VFile) => {
      const headings: RenderedBody["headings"] = [];
      const slugger = new GithubSlugger();
      const visit = (node: HastRoot | Element) => {
        for (const child of node.children) {
          if (child.type !== "element") continue;
          const depth = /^h([1-6])$/.exec(child.tagName)?.[1];
          if (depth) {
            const text = textOf(child);
            const slug = typeof child.properties["id"] === "string" ? child.properties["id"] : slugger.slug(text);
            child.properties["id"] = slug;
            if (options.partHeadings && depth === "2") child.properties["dataPagefindIgnore"] = true;
            headings.push({ depth: Number(depth), slug, text });
          }
          visit(child);
        }
      };
      visit(tree);
      file.data["headings"] = headings;
    })
    .use(rehypeBaseLinks(options.base))
    .use(rehypeStringify)
    .freeze();
}

// The one parser of entry bodies: MDX (for `<Message>`) and GFM, as Astro reads Markdown.
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

/**
 * Parses a body once and checks that it would render. The tree serves every
 * later step: the syntax, link and writing checks before the build, and
 * rendering (`renderTree`) when the content loads.
 */
export function parseBody(body: string): MdastRoot {
  const tree = syntaxChecked(() => parser.parse(body));
  checkTree(tree.children, false);
  return tree;
}

/** MDX's own syntax errors (an unclosed tag, a stray `<` or `{`) as BodyErrors with their line. */
function syntaxChecked<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof BodyError) throw error;
    const { line, reason: said } = error as { line?: number | undefined; reason?: string };
    // Where the parser's own checks are on (the `development` build, as tests
    // resolve it), some invalid bodies fail one of its assertions instead of
    // giving a message: `<b>x` above a `---` line. It is still the body's fault.
    const reason = typeof said === "string" ? said : error instanceof Error ? error.message : undefined;
    if (reason === undefined) throw error;
    // An unclosed tag is reported at the end of the body, with its start only in the text: "(3:1-3:20)".
    const opened = /\((\d+):\d+-/.exec(reason)?.[1];
    throw new BodyError(
      line ?? (opened ? Number(opened) : undefined),
      `the body is not valid MDX: ${reason}`,
      "close every <Message> you open, and escape a literal < or { in text as \\< or \\{",
    );
  }
}

function textOf(node: Element): string {
  return node.children.map((c) => (c.type === "text" ? c.value : c.type === "element" ? textOf(c) : "")).join("");
}

/** A run of a rendered body: plain HTML, or a message's HTML with its label. */
export type BodySegment = { html: string; label?: undefined } | { html: string; label: string };

/** Splits rendered HTML at its message markers, in order; HTML with no messages is one segment. */
export function messageSegments(html: string): BodySegment[] {
  const segments: BodySegment[] = [];
  const pattern = new RegExp(`<!--${OPEN}([^>]*?)-->([\\s\\S]*?)<!--${CLOSE}-->`, "g");
  let last = 0;
  for (const match of html.matchAll(pattern)) {
    if (match.index > last) segments.push({ html: html.slice(last, match.index) });
    segments.push({ label: decodeURIComponent(match[1]!), html: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < html.length) segments.push({ html: html.slice(last) });
  return segments;
}

/** Every node of a parsed body, depth first; `into` decides whether to visit a node's children. */
export function* walkTree(node: Nodes, into: (node: Nodes) => boolean = () => true): Generator<Nodes> {
  yield node;
  if ("children" in node && into(node)) for (const child of node.children) yield* walkTree(child as Nodes, into);
}
