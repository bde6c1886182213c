import type { AstroIntegration } from "astro";
import { checkHandbook } from "../lib/content/check.ts";
import { readConfig } from "../lib/config.ts";
import { formatProblem } from "../lib/content/problems.ts";

/**
 * Fails `astro build` on any content mistake a schema cannot see (duplicate
 * ids, references to entries that do not exist, source items not covered),
 * with the same messages as `npm run check:coverage`. Astro itself only warns
 * about duplicate ids and lets later entries overwrite earlier ones.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: "handbook:content-check",
    hooks: {
      "astro:config:setup": ({ command, logger }) => {
        const { contentDir, sourceFile } = readConfig();
        const { problems } = checkHandbook(contentDir, sourceFile);
        if (problems.length === 0) return;
        const report = problems.map(formatProblem).join("\n");
        if (command === "build") {
          throw new Error(`The content has ${problems.length} problem(s):\n${report}`);
        }
        logger.warn(`The content has ${problems.length} problem(s):\n${report}`);
      },
    },
  };
}
