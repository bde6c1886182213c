import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { readConfig } from "./lib/config.ts";
import { COLLECTION_DIRS } from "./lib/content/read-entries.ts";
import { withHtmlBodies } from "./lib/content/html-bodies.ts";
import { homeSchema, industrySchema, practiceSchema, sectionSchema } from "./lib/content/schemas.ts";

// Content lives in the top-level content/ folder (or HANDBOOK_CONTENT_DIR), beside
// the source document it covers, not under src/: authors edit content, not code.
const { contentDir } = readConfig();
const base = (dir: string) => `${contentDir}/${dir}`;
// Every body becomes HTML as it loads rather than a compiled module per entry,
// so memory stays flat as the handbook grows (see lib/content/html-bodies.ts).
const mdxFiles = (dir: string, generateId?: Parameters<typeof glob>[0]["generateId"]) =>
  withHtmlBodies(glob({ pattern: "**/*.mdx", base: base(dir), ...(generateId ? { generateId } : {}) }), {
    partHeadings: dir === COLLECTION_DIRS.practices,
  });

/** The home page's introduction; covers the source's Overview. */
const home = defineCollection({
  loader: mdxFiles(COLLECTION_DIRS.home),
  schema: homeSchema(),
});

/** The 11 topical `##` sections; the file name is the section's URL id. */
const sections = defineCollection({
  loader: mdxFiles(COLLECTION_DIRS.sections),
  schema: sectionSchema(),
});

/** Technology, Finance, Healthcare, Marketing; the file name is the URL id. */
const industries = defineCollection({
  loader: mdxFiles(COLLECTION_DIRS.industries),
  schema: industrySchema((collection) => reference(collection)),
});

/**
 * One entry per source bullet. The entry id is the frontmatter `id`, not the
 * file name, so a published permalink never changes when a file is renamed.
 */
const practices = defineCollection({
  loader: mdxFiles(COLLECTION_DIRS.practices, ({ entry, data }) => (typeof data.id === "string" ? data.id : entry)),
  schema: practiceSchema((collection) => reference(collection)),
});

export const collections = { home, sections, industries, practices };
