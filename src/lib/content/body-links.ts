import type { Nodes } from "mdast";
import type { Problem } from "./problems.ts";
import { walkTree } from "./body.ts";
import { lineInEntry, type Entry } from "./read-entries.ts";

/** A link from an entry's body to a page of the handbook. */
export interface InternalLink {
  href: string;
  line: number;
}

/** The site-relative links (`/practices/…`, `/sections/…#…`) in a parsed body, with their lines in the body. */
export function internalLinks(tree: Nodes): InternalLink[] {
  const found: InternalLink[] = [];
  for (const node of walkTree(tree)) {
    if (node.type === "link" && node.url.startsWith("/")) found.push({ href: node.url, line: node.position?.start.line ?? 0 });
  }
  return found;
}

/**
 * Whether a site-relative link names a page (and anchor) the handbook
 * publishes. `targets` maps each page path to the ids it carries.
 */
export function linkResolves(href: string, targets: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const [path = "", anchor] = href.split("#");
  const ids = targets.get(path);
  return ids !== undefined && (anchor === undefined || anchor === "" || ids.has(anchor));
}

/** Schemes a body may link to besides site paths; anything else (javascript:, data:, vbscript:…) is refused. */
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);

/**
 * Why a link's address is unsafe to publish, if it is: read as a browser
 * would (case, entities and stray whitespace do not hide a scheme).
 */
export function unsafeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, "https://handbook.invalid/page/");
  } catch {
    return "is not a valid address";
  }
  if (parsed.origin === "https://handbook.invalid") {
    return url.trim().startsWith("/") ? undefined : "is a relative address, which lands somewhere else on every page";
  }
  return SAFE_SCHEMES.has(parsed.protocol) ? undefined : `uses the ${parsed.protocol} scheme`;
}

/** Every link, image and link definition in a body whose address is unsafe, at its line in the file. */
export function checkUnsafeLinks(entries: readonly Entry<unknown>[]): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    for (const node of walkTree(entry.tree)) {
      if (node.type !== "link" && node.type !== "image" && node.type !== "definition") continue;
      const reason = unsafeUrl(node.url);
      if (!reason) continue;
      problems.push({
        kind: "unsafe-link",
        file: entry.file,
        line: lineInEntry(entry, node),
        field: "body",
        message: `the ${node.type === "image" ? "image" : "link"} address "${node.url.slice(0, 60)}" ${reason}`,
        fix: "link to a site path such as /practices/<id>/ or /sections/<section>/#<anchor>, or to an http(s), mailto: or tel: address",
      });
    }
  }
  return problems;
}

/** Every link in a body to a page or anchor the handbook does not publish, at its line in the file. */
export function checkBodyLinks(
  entries: readonly Entry<unknown>[],
  targets: ReadonlyMap<string, ReadonlySet<string>>,
): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    for (const link of internalLinks(entry.tree)) {
      if (linkResolves(link.href, targets)) continue;
      problems.push({
        kind: "broken-link",
        file: entry.file,
        line: entry.bodyLine - 1 + link.line,
        field: "body",
        message: `the link to ${link.href} goes to no page or anchor of the handbook`,
        fix: "link to /practices/<id>/, /sections/<section>/ or /sections/<section>/#<practice-or-subsection-id> of an existing entry",
      });
    }
  }
  return problems;
}
