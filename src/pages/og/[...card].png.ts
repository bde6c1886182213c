import type { APIRoute, GetStaticPaths } from "astro";
import { getHandbook } from "../../data/handbook.ts";
import { handbookCards, type Card } from "../../lib/og/card.ts";
import { linkCard } from "../../lib/og/render.ts";

/**
 * Each practice's, section's and industry's link-preview image, at the path
 * its page names in `og:image` (`/og/practices/<id>.png`). An endpoint, so the
 * cards come from the same view model as the pages, Astro puts them under the
 * base path, and `astro dev` draws them on request.
 */
export const getStaticPaths = (async () =>
  handbookCards(await getHandbook()).map((card) => ({
    params: { card: card.path.replace(/^\/og\/|\.png$/g, "") },
    props: { card },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: Card }> = async ({ props }) =>
  new Response(new Uint8Array(await linkCard(props.card)), { headers: { "Content-Type": "image/png" } });
