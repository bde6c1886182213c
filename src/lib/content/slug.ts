import { slug as githubSlug } from "github-slugger";

/**
 * The one slug function of the handbook. Section ids, subsection anchors and the
 * proposed id of a new practice all come from here, so the pages, the search
 * index and the coverage check always agree on how a heading becomes an id.
 *
 * It is github-slugger's stateless `slug`, the same rules Astro applies to
 * Markdown headings, so an id we publish matches what authors already expect.
 */
export function slugify(text: string): string {
  return githubSlug(text);
}
