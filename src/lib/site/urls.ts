/**
 * Every internal URL of the handbook is built here, so the base path (a site
 * hosted under /handbook/, say) is applied once and the URL scheme, which is
 * a promise to everyone who has shared a link, is written down in one place.
 */
export function withBase(base: string, path: string): string {
  const trimmed = base.endsWith("/") ? base.slice(0, -1) : base;
  return `${trimmed}${path.startsWith("/") ? path : `/${path}`}`;
}

export const paths = {
  home: () => "/",
  section: (section: string, anchor?: string) => `/sections/${section}/${anchor ? `#${anchor}` : ""}`,
  practice: (id: string) => `/practices/${id}/`,
  practices: () => "/practices/",
  industry: (industry: string) => `/industries/${industry}/`,
  search: () => "/search/",
  progress: () => "/progress/",
  lists: () => "/lists/",
  changes: (month?: string) => `/changes/${month ? `${month}/` : ""}`,
  sources: (key?: string) => `/sources/${key ? `#${key}` : ""}`,
};

/*
 * Addresses only the build writes, kept out of `paths` so the browser's
 * scripts, which import `paths`, do not carry them.
 */
export const buildPaths = {
  /** The Atom feed of the change notes. */
  changesFeed: () => "/changes.xml",
  /** A page's link-preview image (Open Graph card), drawn at build time: `/og/practices/<id>.png`. */
  card: (kind: "practices" | "sections" | "industries", id: string) => `/og/${kind}/${id}.png`,
};

/** An absolute URL for sharing and link previews. */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}
