import type { APIRoute } from "astro";
import { absoluteHref } from "../lib/site/href.ts";

/** Allows everything and points crawlers at the sitemap, on whatever site and base path the build is for. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteHref(site ?? "http://localhost:4321", "/sitemap-index.xml");
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
};
