import type { AstroIntegration } from "astro";
import { checkHandbook } from "../lib/content/check.ts";
import { readConfig } from "../lib/config.ts";
import { formatProblem } from "../lib/content/problems.ts";

/**
 * Runs every content check before Astro builds anything (the first hook of
 * the build), with the report `npm run check:coverage` prints. A problem ends
 * the build there with that report alone: thrown, it would reach the reader
 * as Astro's "unhandled error" with a stack trace and a hint about browser
 * APIs that has nothing to do with content. `astro dev` shows the report as a
 * warning and goes on, so an author can fix one file at a time.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: "handbook:content-check",
    hooks: {
      "astro:config:setup": ({ command, logger }) => {
        const { contentDir, sourceFile } = readConfig();
        const { problems } = checkHandbook(contentDir, sourceFile);
        if (problems.length === 0) return;
        const report = `The content has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`;
        if (command === "build") {
          console.error(`${report}\n\nThe build stopped before writing anything. Fix the files above and build again.`);
          process.exit(1);
        }
        logger.warn(report);
      },
    },
  };
}
