import type { APIRoute } from "astro";
import { appManifest } from "../lib/site/app-manifest.ts";

/** The web app manifest (src/lib/site/app-manifest.ts), with the base path the site is built for. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(appManifest(import.meta.env.BASE_URL)), {
    headers: { "Content-Type": "application/manifest+json" },
  });
