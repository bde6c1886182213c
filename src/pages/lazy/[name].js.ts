import type { APIRoute, GetStaticPaths } from "astro";
import { build, type Plugin } from "esbuild";
import { buildSearchData } from "../../data/search-data.ts";
import { resolve } from "node:path";

/**
 * Client modules that load only on intent, bundled here with esbuild and
 * published at a fixed URL (`/lazy/<name>.js`). Reading pages import them
 * with a plain dynamic import, so their own tiny scripts need no Vite preload
 * helper and stay inline: a reading page makes no script request at all.
 */
const MODULES = {
  /** The search dialog and the /search/ page. */
  search: "src/scripts/search-ui.ts",
  /** Marks searched-for words on the page a result opened. */
  highlight: "src/scripts/arrival-highlight.ts",
} as const;

export const getStaticPaths = (() =>
  Object.keys(MODULES).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const entry = MODULES[params.name as keyof typeof MODULES];
  if (!entry) return new Response("Not found", { status: 404 });
  // The search module carries the practice list with it: one request gives instant results.
  const searchData: Plugin = {
    name: "search-data",
    setup(b) {
      b.onResolve({ filter: /^virtual:search-data$/ }, () => ({ path: "search-data", namespace: "virtual" }));
      b.onLoad({ filter: /.*/, namespace: "virtual" }, async () => ({
        contents: JSON.stringify(await buildSearchData(import.meta.env.BASE_URL)),
        loader: "json",
      }));
    },
  };
  const result = await build({
    // Resolved from the project root: this file runs from a build folder when prerendered.
    entryPoints: [resolve(entry)],
    bundle: true,
    format: "esm",
    minify: true,
    write: false,
    target: "es2022",
    plugins: [searchData],
    define: {
      "import.meta.env.BASE_URL": JSON.stringify(import.meta.env.BASE_URL),
      "import.meta.env.DEV": JSON.stringify(import.meta.env.DEV),
    },
  });
  return new Response(result.outputFiles[0]!.text, { headers: { "content-type": "text/javascript; charset=utf-8" } });
};
