import type { AstroIntegration } from "astro";
import { cardTally, tallyLine } from "../lib/og/tally.ts";

/**
 * Says, once the pages are written, how many link cards (src/pages/og/) the
 * build drew and how many it took from the cache: a build of unchanged
 * content should draw none.
 */
export function linkCards(): AstroIntegration {
  return {
    name: "handbook:link-cards",
    hooks: {
      "astro:build:done": ({ logger }) => {
        const tally = cardTally();
        if (tally.rendered + tally.cached) logger.info(tallyLine(tally));
      },
    },
  };
}
