import { createHash } from "node:crypto";
import { parse, type DefaultTreeAdapterTypes } from "parse5";

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/**
 * Directives every page gets besides the script and style hashes. Everything
 * comes from the site itself (default-src covers images, fetches and fonts). Pagefind compiles its WebAssembly on the page's
 * main thread (`noWorker`, src/lib/search/pagefind-client.ts), which
 * Chromium refuses without `'wasm-unsafe-eval'`, and every page can open
 * search. Trusted Types: no script may turn a string into markup or code
 * except through the search's one named policy (src/scripts/search-ui.ts),
 * and the offline script's one named policy for the service worker's
 * address (src/scripts/offline.ts; script-src 'self' already admits the
 * worker itself), so a DOM XSS sink fed an untrusted string throws instead. Kept short:
 * every page carries it.
 */
export const BASE_DIRECTIVES = [
  "default-src 'self'",

  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "upgrade-insecure-requests",
  "require-trusted-types-for 'script'",
  "trusted-types search-ui sw",
];

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * Every element in document order, template contents included: the site
 * wrote those too, and a script cloned out of a template runs under the
 * page's policy.
 */
function* elements(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (!("tagName" in child)) continue;
    yield child;
    yield* elements(child.tagName === "template" ? (child as DefaultTreeAdapterTypes.Template).content : child);
  }
}

/** A raw-text element's text as the parser saw it: what the browser hashes. */
const text = (element: Element) =>
  element.childNodes
    .map((node) => (node.nodeName === "#text" ? (node as DefaultTreeAdapterTypes.TextNode).value : ""))
    .join("");

interface Scan {
  scripts: string[];
  styles: string[];
  elements: Element[];
}

/**
 * Parses as a browser does, so that what looks like a tag inside an
 * attribute value or a <title> is the text it is, and only elements the
 * page's own markup made are found. A regular expression cannot tell them apart.
 */
function scan(html: string): Scan & { document: DefaultTreeAdapterTypes.Document } {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const all = [...elements(document)];
  // <script> and <style> inside inline SVG run under the same directives as HTML ones.
  const scripts = all.filter((e) => e.tagName === "script" && !e.attrs.some((a) => a.name === "src")).map(text);
  const styles = all.filter((e) => e.tagName === "style").map(text);
  return { scripts, styles, elements: all, document };
}

/** The inline <script> (without src) and <style> bodies of a page, exactly as the browser hashes them. */
export function inlineBlocks(html: string): { scripts: string[]; styles: string[] } {
  const { scripts, styles } = scan(html);
  return { scripts, styles };
}

function policyOf({ scripts, styles }: Pick<Scan, "scripts" | "styles">): string {
  const scriptHashes = [...new Set(scripts.map(sha256))];
  const styleHashes = [...new Set(styles.map(sha256))];
  return [
    ...BASE_DIRECTIVES,
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes].join(" "),
    ["style-src 'self'", ...styleHashes].join(" "),
  ].join("; ");
}

/**
 * The Content Security Policy for one built page: scripts only from the site
 * or with the exact hash of an inline script on that page (never
 * 'unsafe-inline'), styles likewise.
 */
export function policyFor(html: string): string {
  return policyOf(scan(html));
}

/**
 * Where the policy's <meta> goes: a browser applies it only in <head> and
 * only to what comes after it, so right after the charset when nothing that
 * loads or runs comes earlier, else first thing in <head>.
 */
function metaOffset({ document, elements: all }: ReturnType<typeof scan>): number {
  // The document's own head: the parser always makes one, as the html element's first child.
  const root = document.childNodes.find((n): n is Element => "tagName" in n && n.tagName === "html");
  const head = root?.childNodes.find((n): n is Element => "tagName" in n && n.tagName === "head");
  const governed = all.filter((e) => ["script", "style", "link"].includes(e.tagName));
  const firstGoverned = Math.min(...governed.map((e) => e.sourceCodeLocation?.startOffset ?? Infinity));
  const charset = head?.childNodes.find(
    (n): n is Element => "tagName" in n && n.tagName === "meta" && n.attrs.some((a) => a.name === "charset"),
  );
  const afterCharset = charset?.sourceCodeLocation?.endOffset;
  if (afterCharset !== undefined && afterCharset <= firstGoverned) return afterCharset;
  const afterHeadTag = head?.sourceCodeLocation?.startTag?.endOffset;
  if (afterHeadTag !== undefined) return afterHeadTag;
  // <head> left implicit: before its first element, which the parser did see.
  const firstInHead = head?.childNodes.find((n) => n.sourceCodeLocation)?.sourceCodeLocation?.startOffset;
  if (firstInHead !== undefined && firstInHead <= firstGoverned) return firstInHead;
  throw new Error("Content Security Policy: the page has no <head> to put its policy in");
}

/**
 * Rewrites `<` and `>` inside attribute values as character references (the
 * value the browser reads is the same). Astro leaves them raw, which is valid
 * HTML, but a title such as `</title><script>…` then reads as markup to
 * anything that scans the page with a pattern instead of a parser.
 */
function attributeEscapes(html: string, all: Element[]): { at: number; end: number; text: string }[] {
  const edits = [];
  for (const element of all) {
    for (const attr of element.attrs) {
      const where = element.sourceCodeLocation?.attrs?.[attr.name];
      if (!where || !/[<>]/.test(attr.value)) continue;
      const source = html.slice(where.startOffset, where.endOffset);
      const value = source.indexOf("=", 1) + 1;
      edits.push({
        at: where.startOffset + value,
        end: where.endOffset,
        text: source.slice(value).replace(/</g, "&lt;").replace(/>/g, "&gt;"),
      });
    }
  }
  return edits;
}

/**
 * Adds the page's policy ahead of every script and style it governs, placed
 * by where the parser found the page's elements, and escapes markup
 * characters in attribute values.
 */
export function withCsp(html: string): string {
  const found = scan(html);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyOf(found)}">`;
  const edits = [...attributeEscapes(html, found.elements), { at: metaOffset(found), end: -1, text: meta }];
  // From the end of the page back, so each offset still points where the parser saw it.
  let out = html;
  for (const edit of edits.sort((a, b) => b.at - a.at))
    out = out.slice(0, edit.at) + edit.text + out.slice(edit.end < 0 ? edit.at : edit.end);
  return out;
}
