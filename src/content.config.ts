import { defineCollection, reference } from "astro:content";
import { readConfig } from "./lib/config.ts";
import { handbookLoader } from "./lib/content/loader.ts";
import { homeSchema, industrySchema, practiceSchema, sectionSchema } from "./lib/content/schemas.ts";

// Content lives in the top-level content/ folder (or HANDBOOK_CONTENT_DIR), beside
// the source document it covers, not under src/: authors edit content, not code.
// One loader reads every collection with the content check's own reader.
const { contentDir } = readConfig();

/** The home page's introduction; covers the source's Overview. */
const home = defineCollection({
  loader: handbookLoader("home", contentDir),
  schema: homeSchema(),
});

/** The 11 topical `##` sections; the file name is the section's URL id. */
const sections = defineCollection({
  loader: handbookLoader("sections", contentDir),
  schema: sectionSchema(),
});

/** Technology, Finance, Healthcare, Marketing; the file name is the URL id. */
const industries = defineCollection({
  loader: handbookLoader("industries", contentDir),
  schema: industrySchema((collection) => reference(collection)),
});

/**
 * One entry per source bullet. The entry id is the frontmatter `id`, not the
 * file name, so a published permalink never changes when a file is renamed.
 */
const practices = defineCollection({
  loader: handbookLoader("practices", contentDir),
  schema: practiceSchema((collection) => reference(collection)),
});

export const collections = { home, sections, industries, practices };
