import type { APIRoute } from "astro";
import { iconPng } from "../lib/site/icon.ts";

/**
 * Safari on iOS asks for /apple-touch-icon.png when a reader adds a page to the
 * home screen and the page names none: served from the site's root, it costs
 * the pages no tag. Full-bleed, as iOS rounds the corners itself.
 */
export const GET: APIRoute = () =>
  new Response(new Uint8Array(iconPng(180, true)), { headers: { "Content-Type": "image/png" } });
