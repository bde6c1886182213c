import type { APIRoute } from "astro";
import { markSvg } from "../lib/site/mark.ts";

/**
 * The favicon as a file rather than a data: URL in every page: the browser
 * fetches it once, in the background, and caches it, where a data: URL cost
 * every page about 150 bytes.
 */
export const GET: APIRoute = () => new Response(markSvg(), { headers: { "Content-Type": "image/svg+xml" } });
