import type { Element, Root } from "hast";
import { withBase } from "../site/urls.ts";

/**
 * Authors link between entries with site-relative paths (`/practices/…/`);
 * this prefixes them with the configured base path so the same content works
 * at a domain root and under a subpath.
 */
export function rehypeBaseLinks(base: string) {
  // withBase("/handbook/", "/") is "/handbook/"; a link gets the base without its last slash.
  const prefix = withBase(base, "/").slice(0, -1);
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      const href = child.properties?.["href"];
      if (
        child.tagName === "a" &&
        typeof href === "string" &&
        href.startsWith("/") &&
        !href.startsWith("//") &&
        prefix
      ) {
        child.properties["href"] = `${prefix}${href}`;
      }
      walk(child);
    }
  };
  return () => (tree: Root) => walk(tree);
}
