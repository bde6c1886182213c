import type { AstroIntegration } from "astro";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { withCsp } from "../lib/csp.ts";

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? htmlFiles(join(dir, e.name))
        : Promise.resolve(e.name.endsWith(".html") ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

/**
 * Gives every built page a Content Security Policy with the hash of each of
 * its inline scripts and styles, after the build has written them and before
 * anything else reads the pages. Static hosts need no configuration for it.
 */
export function csp(): AstroIntegration {
  return {
    name: "handbook:csp",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        await Promise.all(files.map(async (file) => writeFile(file, withCsp(await readFile(file, "utf8")))));
        logger.info(`Content Security Policy added to ${files.length} pages`);
      },
    },
  };
}
