/**
 * How one build came by its link cards: drawn, or read from the cache. The
 * endpoint that serves the cards runs from Astro's bundle of the pages, a copy
 * of this module other than the one the build's integration loads, so the
 * count is kept on the global object, under a key both copies share.
 */
export interface CardTally {
  rendered: number;
  cached: number;
  /** Time spent on cards, drawing or reading them. */
  milliseconds: number;
}

const KEY = Symbol.for("handbook.link-cards");

/** This process's tally, started at zero. */
export function cardTally(): CardTally {
  const global = globalThis as { [KEY]?: CardTally };
  return (global[KEY] ??= { rendered: 0, cached: 0, milliseconds: 0 });
}

/** "Link cards: 181 pages, 3 rendered, 178 from cache (0.4 s)" */
export function tallyLine({ rendered, cached, milliseconds }: CardTally): string {
  return `Link cards: ${rendered + cached} pages, ${rendered} rendered, ${cached} from cache (${(milliseconds / 1000).toFixed(1)} s)`;
}
