import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { readConfig } from "./lib/config.ts";
import { COLLECTION_DIRS } from "./lib/content-files.ts";
import { homeSchema, industrySchema, practiceSchema, sectionSchema } from "./lib/schemas.ts";

// Content lives in the top-level content/ folder (or HANDBOOK_CONTENT_DIR), beside
// the source document it covers, not under src/: authors edit content, not code.
const { contentDir } = readConfig();
const base = (dir: string) => `${contentDir}/${dir}`;

/** The home page's introduction; covers the source's Overview. */
const home = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: base(COLLECTION_DIRS.home) }),
  schema: homeSchema(),
});

/** The 11 topical `##` sections; the file name is the section's URL id. */
const sections = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: base(COLLECTION_DIRS.sections) }),
  schema: sectionSchema(),
});

/** Technology, Finance, Healthcare, Marketing; the file name is the URL id. */
const industries = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: base(COLLECTION_DIRS.industries) }),
  schema: industrySchema((collection) => reference(collection)),
});

/**
 * One entry per source bullet. The entry id is the frontmatter `id`, not the
 * file name, so a published permalink never changes when a file is renamed.
 */
const practices = defineCollection({
  loader: glob({
    pattern: "**/*.mdx",
    base: base(COLLECTION_DIRS.practices),
    generateId: ({ entry, data }) => (typeof data.id === "string" ? data.id : entry),
  }),
  schema: practiceSchema((collection) => reference(collection)),
});

export const collections = { home, sections, industries, practices };
