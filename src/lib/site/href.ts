import { absoluteUrl, withBase } from "./urls.ts";

/**
 * The one place pages and components read the configured base path
 * (`SITE_BASE`, which Astro passes as `import.meta.env.BASE_URL`). The URL
 * scheme itself is `urls.ts`, pure and usable outside Astro.
 */

/** A site path (`paths.practice(id)`) as a link on this site, with the base path. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** A site path as an absolute URL on `site`, for canonical links and link previews. */
export function absoluteHref(site: string | URL, path: string): string {
  return absoluteUrl(site, import.meta.env.BASE_URL, path);
}
