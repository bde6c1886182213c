import { Feed } from "feed";
import type { PageChange } from "./changes.ts";
import { absoluteUrl, buildPaths, paths } from "./urls.ts";

/** Where the feed is published. */
export interface FeedSite {
  /** The public origin, `SITE_URL`. */
  site: string | URL;
  /** The base path, `SITE_BASE` (`import.meta.env.BASE_URL`). */
  base: string;
}

const FEED_TITLE = "Networking Best Practices: changes";

/** Text for an Atom element of `type="html"` (what the feed library writes): `&`, `<` and `>` escaped. */
const html = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A day as the date-time Atom's `updated` needs: midnight UTC, so no build machine's zone can move it. */
const midnight = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The change log as an Atom 1.0 feed: one entry per note, newest first, each
 * linking to its page. Every address is absolute on the site and base path.
 * Nothing in it depends on when it is built: the feed is as new as its newest
 * note, and each entry's id is a tag URI of the note's stable key on the
 * site's host (`tag:handbook.example.org,2026:/practices/crm-systems/2026-11-30`),
 * which survives a rebuild or a move to another base path.
 */
export function changesFeed(log: readonly PageChange[], { site, base }: FeedSite): string {
  const url = (path: string) => absoluteUrl(site, base, path);
  const host = new URL(site).hostname;
  const feed = new Feed({
    id: url(paths.changes()),
    title: FEED_TITLE,
    description: "What changed in the handbook's practices, section guides and industry briefs, newest first.",
    link: url(paths.changes()),
    feedLinks: { atom: url(buildPaths.changesFeed()) },
    author: { name: "Networking Best Practices" },
    // Atom requires a date even with no entries: a fixed one, so an empty log's feed is the same at every build too.
    updated: midnight(log[0]?.date ?? "1970-01-01"),
    generator: false,
  });
  for (const change of log) {
    feed.addItem({
      id: `tag:${host},2026:${change.key}`,
      title: html(`${change.title} (${change.context})`),
      link: url(change.path),
      date: midnight(change.date),
      description: html(change.note),
    });
  }
  return feed.atom1();
}
