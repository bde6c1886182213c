import type { AstroIntegration } from "astro";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "../lib/build/files.ts";
import { withCsp } from "../lib/build/csp.ts";
import { headersFile, type HeadersSite } from "../lib/build/headers.ts";

const CONCURRENCY = 16;

/**
 * Gives every built page a Content Security Policy with the hash of each of
 * its inline scripts and styles, after the build has written them and before
 * anything else reads the pages. Static hosts need no configuration for it.
 * It also writes `_headers`, the response headers for hosts that read one,
 * with paths under the base path the site is built for.
 */
export function csp(): AstroIntegration {
  let site: HeadersSite = { base: "/", assets: "_astro" };
  return {
    name: "handbook:csp",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = { base: config.base, assets: config.build.assets };
      },
      "astro:build:done": async ({ dir, logger }) => {
        await writeFile(join(fileURLToPath(dir), "_headers"), headersFile(site));
        const files = listFiles(fileURLToPath(dir), ".html");
        // A few pages at a time: reading every page at once would hold the whole
        // site in memory, which at tens of thousands of pages is gigabytes.
        for (let i = 0; i < files.length; i += CONCURRENCY) {
          const batch = files.slice(i, i + CONCURRENCY);
          await Promise.all(batch.map(async (file) => writeFile(file, withCsp(await readFile(file, "utf8")))));
        }
        logger.info(`Content Security Policy added to ${files.length} pages`);
      },
    },
  };
}
