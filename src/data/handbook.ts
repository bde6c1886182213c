import { getCollection, type CollectionEntry } from "astro:content";
import { readConfig } from "../lib/config.ts";
import { readSource } from "../lib/content/check.ts";
import type { RenderedBody } from "../lib/content/body.ts";
import type { EntryMetadata } from "../lib/content/loader.ts";
import * as model from "../lib/site/view-model.ts";

/** Any entry of the handbook's collections: what a page renders a body from. */
export type Entry = CollectionEntry<"home" | "sections" | "industries" | "practices">;
export type Practice = model.Practice<Entry>;
export type Section = model.Section<Entry>;
export type Industry = model.Industry<Entry>;
/** The view model, with the home entry typed as the home collection's. */
export type Handbook = Omit<model.Handbook<Entry>, "home"> & { home: CollectionEntry<"home"> };

/** The headings of an entry's body, as the loader found them when it rendered it. */
export const headingsOf = (entry: Entry): RenderedBody["headings"] =>
  (entry.rendered?.metadata as Partial<RenderedBody> | undefined)?.headings ?? [];

/** The excerpt the loader kept with the rendered body. */
const excerptOf = (entry: Entry) => (entry.rendered?.metadata as Partial<EntryMetadata> | undefined)?.excerpt ?? "";

/** Astro's entries as the view model's plain input: references become ids. */
async function load(): Promise<Handbook> {
  const [home, sections, industries, practices] = await Promise.all([
    getCollection("home"),
    getCollection("sections"),
    getCollection("industries"),
    getCollection("practices"),
  ]);
  if (!home[0]) throw new Error("content/home/ has no entry: add content/home/index.mdx with the Overview");
  const handbook = model.buildHandbook<Entry>({
    // Parsed by the content check earlier in this build; this returns that parse.
    source: readSource(readConfig().sourceFile),
    home: home[0],
    sections: sections.map((entry) => ({ id: entry.id, ...entry.data, entry })),
    industries: industries.map((entry) => ({
      id: entry.id,
      ...entry.data,
      highlights: entry.data.highlights.map((h) => ({ practice: h.practice.id, why: h.why })),
      entry,
    })),
    practices: practices.map((entry) => ({
      ...entry.data,
      section: entry.data.section.id,
      industries: entry.data.industries.map((i) => i.id),
      excerpt: excerptOf(entry),
      entry,
    })),
  });
  return { ...handbook, home: home[0] };
}

let cached: Promise<Handbook> | undefined;

/** The whole handbook, loaded and cross-linked once per build and shared by every page. */
export function getHandbook(): Promise<Handbook> {
  cached ??= load();
  return cached;
}
