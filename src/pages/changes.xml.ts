import type { APIRoute } from "astro";
import { getHandbook } from "../data/handbook.ts";
import { changeLog } from "../lib/site/changes.ts";
import { changesFeed } from "../lib/site/feed.ts";

/** The change notes as an Atom feed, `/changes.xml`, on whatever site and base path the build is for. */
export const GET: APIRoute = async ({ site }) => {
  const log = changeLog(await getHandbook());
  const xml = changesFeed(log, { site: site ?? "http://localhost:4321", base: import.meta.env.BASE_URL });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
};
