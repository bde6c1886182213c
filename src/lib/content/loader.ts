import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { renderTree } from "./body.ts";
import { excerpt } from "./practice-parts.ts";
import { forget } from "./parse-cache.ts";
import { formatProblem } from "./problems.ts";
import { COLLECTION_DIRS, readCollection, type CollectionName } from "./read-entries.ts";

/** What the loader keeps with each rendered entry besides its HTML and headings. */
export type EntryMetadata = {
  /** A plain-text excerpt of the body, for listings and previews (see `practice-parts.ts`). */
  excerpt: string;
};

/**
 * The content loader of every collection: Astro's Content Layer API over the
 * same reader the content check uses (`readCollection`), so the entries the
 * check passed are, by construction, the entries the site is built from. A
 * file the reader refuses (a `.md` file, a file in a subfolder) has already
 * failed the check with its path and the fix; it never reaches a page.
 *
 * Each body is parsed once, by the reader, and made into HTML here from that
 * tree, rather than compiled as a module per entry: bodies are Markdown plus
 * one component (`<Message>`), and a module per entry cost about half a
 * megabyte of build memory each.
 */
export function handbookLoader(collection: CollectionName, contentDir: string): Loader {
  return {
    name: `handbook:${collection}`,
    load: async (context) => {
      const dir = resolve(contentDir, COLLECTION_DIRS[collection]);
      await sync(collection, contentDir, context);
      // `astro dev`: an added, edited or deleted file reloads the collection; unchanged entries keep their digest.
      context.watcher?.add(dir);
      context.watcher?.on("all", (event, path) => {
        if (!resolve(path).startsWith(`${dir}/`)) return;
        context.logger.info(`${event} ${relative(fileURLToPath(context.config.root), path)}`);
        sync(collection, contentDir, context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

/**
 * Part of every entry's cache key besides its text: what is kept with a body
 * (its HTML, its headings, its excerpt) is made by code, so a change to that
 * code changes this, or a build would keep serving what the old code made.
 */
const RENDERING = "excerpt: first whole sentence, at most 140 characters";

async function sync(collection: CollectionName, contentDir: string, context: LoaderContext): Promise<void> {
  const { store, parseData, generateDigest, config, logger } = context;
  const root = fileURLToPath(config.root);
  const { entries, problems } = readCollection(contentDir, collection);
  // The build has stopped on these before Astro started (integrations/content-check.ts); `astro dev` shows them.
  for (const problem of problems) logger.warn(formatProblem(problem));
  const kept = new Set<string>();
  for (const entry of entries) {
    // A build renders each entry once, so its tree can go as soon as it is rendered: a
    // handbook of 16,600 practices otherwise holds every tree to the end of the build.
    // `astro dev` keeps them, so an edit parses only the file that changed.
    if (!context.watcher) forget(entry.path);
    if (!entry.renders) continue;
    kept.add(entry.id);
    // The base path is part of the HTML (links get it), so a build under another base renders again.
    const digest = generateDigest(`${RENDERING}\u0000${config.base}\u0000${entry.text}`);
    if (store.get(entry.id)?.digest === digest) continue;
    const filePath = relative(root, entry.path) || join(COLLECTION_DIRS[collection], entry.id);
    const data = await parseData({ id: entry.id, data: entry.raw, filePath });
    const { html, headings } = renderTree(entry.tree, { base: config.base, partHeadings: collection === "practices" });
    const metadata: EntryMetadata & { headings: typeof headings } = { headings, excerpt: excerpt(entry.tree) };
    store.set({ id: entry.id, data, body: entry.body, filePath, digest, rendered: { html, metadata } });
  }
  for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
}
