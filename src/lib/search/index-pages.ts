import { close, createIndex } from "pagefind";

/**
 * Indexes a built site with Pagefind's Node API into `<dir>/pagefind/`, and
 * fails on any error Pagefind reports. Returns how many pages it indexed.
 *
 * It runs as its own step after `astro build` has exited (scripts/index-search.ts),
 * not inside the build: Pagefind holds its whole index in memory (about
 * 140 KB per practice page), and next to a finished build's heap the two
 * would not fit in 4 GiB for a handbook a hundred times this size.
 */
export async function indexSite(dir: string): Promise<number> {
  const fail = (step: string, errors: string[]): never => {
    throw new Error(`Pagefind failed to ${step}:\n${errors.join("\n")}`);
  };
  try {
    const { index, errors } = await createIndex({});
    if (!index) return fail("start", errors);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) fail(`index ${dir}`, added.errors);
    if (added.page_count === 0) fail(`index ${dir}`, ["no pages found: run astro build first"]);
    const written = await index.writeFiles({ outputPath: `${dir.replace(/\/$/, "")}/pagefind` });
    if (written.errors.length) fail("write the index", written.errors);
    return added.page_count;
  } finally {
    await close();
  }
}
