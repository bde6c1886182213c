import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { close, createIndex } from "pagefind";

/**
 * Indexes the built site with Pagefind's Node API right after `astro build`,
 * from this one place, and fails the build if Pagefind reports any error.
 */
export function pagefind(): AstroIntegration {
  return {
    name: "handbook:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const path = fileURLToPath(dir);
        const fail = (step: string, errors: string[]) => {
          throw new Error(`Pagefind failed to ${step}:\n${errors.join("\n")}`);
        };
        try {
          const { index, errors } = await createIndex({});
          if (!index) return fail("start", errors);
          const added = await index.addDirectory({ path });
          if (added.errors.length) fail("index dist/", added.errors);
          const written = await index.writeFiles({ outputPath: `${path}pagefind` });
          if (written.errors.length) fail("write the index", written.errors);
          logger.info(`Pagefind indexed ${added.page_count} pages`);
        } finally {
          await close();
        }
      },
    },
  };
}
