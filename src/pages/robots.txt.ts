import type { APIRoute } from "astro";
import { absoluteUrl } from "../lib/site/urls.ts";

/** Allows everything and points crawlers at the sitemap, on whatever site and base path the build is for. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl(site ?? "http://localhost:4321", import.meta.env.BASE_URL, "/sitemap-index.xml");
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
};
