// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import tailwindcss from "@tailwindcss/vite";
import { contentCheck } from "./src/integrations/content-check.ts";
import { pagefind } from "./src/integrations/pagefind.ts";
import { rehypeBaseLinks } from "./src/integrations/rehype-base-links.ts";

// The site's public URL and base path come from the environment so one build
// setup serves a domain root or a subpath (e.g. SITE_BASE=/handbook).
const site = process.env.SITE_URL || "http://localhost:4321";
const base = process.env.SITE_BASE || "/";

export default defineConfig({
  site,
  base,
  // Pages are published with a trailing slash; "ignore" keeps endpoints like /lazy/search.js reachable in dev too.
  trailingSlash: "ignore",
  integrations: [contentCheck(), mdx(), pagefind()],
  markdown: { rehypePlugins: [rehypeBaseLinks(base)] },
  // Stylesheets inline in each page: a reading page is then one request plus
  // nothing, and the budgets count the same bytes either way.
  build: { inlineStylesheets: "always" },
  vite: { plugins: [tailwindcss()] },
});
