import type { Nodes } from "mdast";

/** A link from an entry's body to a page of the handbook. */
export interface InternalLink {
  href: string;
  line: number;
}

function visit(node: Nodes, found: InternalLink[]): void {
  if (node.type === "link" && node.url.startsWith("/")) {
    found.push({ href: node.url, line: node.position?.start.line ?? 0 });
  }
  if ("children" in node) for (const child of node.children) visit(child as Nodes, found);
}

/** The site-relative links (`/practices/…`, `/sections/…#…`) in a parsed body, with their lines in the body. */
export function internalLinks(tree: Nodes): InternalLink[] {
  const found: InternalLink[] = [];
  visit(tree, found);
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
