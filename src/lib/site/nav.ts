import { paths } from "./urls.ts";

/**
 * The navigation wide screens keep beside the text: every section, and under
 * the current one its subsections and their practices, so the reader sees
 * where they are and what is around them. Only the current section opens:
 * listing every practice on every page would cost each page a few kilobytes.
 */

/** Where a page sits in the handbook. */
export type Here =
  { section: string; practice?: string | undefined } | { industry: string } | { page: "home" | "practices" };

/**
 * `aria-current`: "page" on the link to this very page, "true" on the section
 * a practice page belongs to. A link into part of a section page is never
 * marked: which part is current changes as the reader scrolls.
 */
export type Current = "page" | "true" | undefined;

export interface NavLink {
  title: string;
  /** A site path (give it the base path) or, for a part of this very page, `#anchor`. */
  path: string;
  current: Current;
}

export interface NavSection extends NavLink {
  /** The current section's subsections with their practices; empty for the others. */
  subsections: (NavLink & { practices: NavLink[] })[];
}

interface SectionLike {
  id: string;
  title: string;
  subsections: readonly { title: string; anchor: string; practices: readonly { id: string; title: string }[] }[];
}

/** The sections as the navigation lists them, the current one opened, from where the reader is. */
export function sideNav(sections: readonly SectionLike[], here: Here): NavSection[] {
  const at = "section" in here ? here : undefined;
  return sections.map((s) => {
    const open = at?.section === s.id;
    // On the section page itself its parts are anchors on the page; from a practice, links back to them.
    const onPage = open && at.practice === undefined;
    return {
      title: s.title,
      path: paths.section(s.id),
      current: open ? (onPage ? "page" : "true") : undefined,
      subsections: open
        ? s.subsections.map((g) => ({
            title: g.title,
            path: onPage ? `#${g.anchor}` : paths.section(s.id, g.anchor),
            current: undefined,
            practices: g.practices.map((p) => ({
              title: p.title,
              path: onPage ? `#${p.id}` : paths.practice(p.id),
              current: p.id === at.practice ? "page" : undefined,
            })),
          }))
        : [],
    };
  });
}

/** Whether an "On this page" list earns its place: only a page with several parts to jump between. */
export function onThisPage<H extends { depth: number }>(headings: readonly H[], min = 3): H[] {
  const parts = headings.filter((h) => h.depth === 2);
  return parts.length >= min ? parts : [];
}
