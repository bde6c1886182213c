// @ts-check
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { contentCheck } from "./src/integrations/content-check.ts";
import { csp } from "./src/integrations/csp.ts";
import { lazyChunk } from "./src/integrations/lazy-chunk.ts";
import { linkCards } from "./src/integrations/link-cards.ts";
import { handbookVersion } from "./src/lib/build/version.ts";
import { formatConfigProblem, outDirProblem, readConfig, readSite, siteUrlNotice } from "./src/lib/config.ts";

// The site's public URL and base path come from the environment so one build
// setup serves a domain root or a subpath (e.g. SITE_BASE=/handbook). A setting
// that would publish wrong links, or a build that would empty a folder of the
// project, stops here, before Astro writes anything.
const { site, base, problems } = readSite();
const unsafeOut = outDirProblem(readConfig());
if (unsafeOut) problems.push(unsafeOut);
if (problems.length) {
  console.error(
    `The build settings have ${problems.length} problem(s):\n${problems.map(formatConfigProblem).join("\n")}`,
  );
  process.exit(1);
}

// Astro's content cache does not know which content folder it was filled from:
// a build from another folder (a test fixture, the scale benchmark) gets a cache
// of its own, or the next build of content/ would reuse entries that are not there.
const contentDir = process.env.HANDBOOK_CONTENT_DIR;
const cacheDir =
  process.env.HANDBOOK_CACHE_DIR ||
  (contentDir &&
    `./node_modules/.astro-${createHash("sha256").update(resolve(contentDir)).digest("hex").slice(0, 12)}`);

export default defineConfig({
  ...(cacheDir ? { cacheDir } : {}),
  site,
  base,
  outDir: readConfig().outDir,
  // Pages are published with a trailing slash; "ignore" keeps endpoints like /search/ui.json reachable in dev too.
  trailingSlash: "ignore",
  // After the build every page gets its CSP. Pagefind indexes the pages next, as
  // npm run build's second step (scripts/index-search.ts), once this process has exited.
  integrations: [
    contentCheck(),
    // Entries are MDX, read and made into HTML by the handbook's own loader
    // (src/lib/content/loader.ts); this renders any .mdx page under src/pages/ the same way.
    mdx(),
    // The 404 and offline pages, the search page and the reader's own pages (lists, progress) are not destinations for search engines.
    sitemap({ filter: (page) => !/\/(404|offline|search|lists|progress)\/?$/.test(new URL(page).pathname) }),
    csp(),
    linkCards(),
    // Said last, where it is seen: a build for localhost is easy to deploy by mistake.
    {
      name: "handbook:site-url",
      hooks: {
        "astro:build:done": ({ logger }) => {
          const notice = siteUrlNotice();
          if (notice) logger.warn(notice);
        },
      },
    },
  ],
  // Stylesheets inline in each page: a reading page is then one request plus
  // nothing, and the budgets count the same bytes either way.
  build: { inlineStylesheets: "always" },
  // lazyChunk: the search code is a Vite chunk that pages load on intent, their own script staying inline.
  vite: {
    plugins: [tailwindcss(), lazyChunk()],
    // The build's version, for Pagefind's metaCacheTag; scripts/build-worker.ts versions the offline save with the same.
    define: {
      "import.meta.env.HANDBOOK_VERSION": JSON.stringify(handbookVersion(readConfig().contentDir)),
    },
    // The reader's stored lists and ticks (src/lib/lists/storage.ts, list.ts), shared by /lists/,
    // /progress/ and search, travel as one file: left to itself Rollup cuts them into a chunk per set of pages
    // that share them, a request each.
    build: {
      rollupOptions: {
        output: { manualChunks: (id) => (/\/src\/lib\/lists\/(storage|list)\.ts$/.test(id) ? "lists" : undefined) },
      },
    },
  },
});
