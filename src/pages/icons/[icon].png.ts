import type { APIRoute, GetStaticPaths } from "astro";
import { APP_ICONS } from "../../lib/site/app-manifest.ts";
import { iconPng } from "../../lib/site/icon.ts";

/** The installable app's icons, drawn from the mark at build time. */
export const getStaticPaths = (() =>
  APP_ICONS.map((icon) => ({ params: { icon: icon.name }, props: icon }))) satisfies GetStaticPaths;

export const GET: APIRoute<(typeof APP_ICONS)[number]> = ({ props }) =>
  new Response(new Uint8Array(iconPng(props.size, props.maskable)), { headers: { "Content-Type": "image/png" } });
