/** One response a reader's browser received, as the server counted it. */
export interface Transfer {
  /** The address asked for, path and query. */
  url: string;
  status: number;
  /** Bytes on the wire: status line, headers and the (compressed) body. */
  bytes: number;
}

/**
 * What a teammate's first visit may cost in all, in the first 30 seconds:
 * the page, what it needs to be used (favicon, manifest, the offline script and
 * the service worker with its offline page), and nothing fetched for later. A
 * reading page is at most 13 KiB (READING_PAGE_BUDGET), which leaves about
 * 11 KiB for the rest; the shell of the handbook (about 200 KiB) waits until the
 * reader comes back.
 */
export const FIRST_VISIT_BUDGET = { bytes: 24 * 1024, windowSeconds: 30 };

export interface TransferTotal {
  bytes: number;
  requests: number;
}

/** The total of a visit's responses. */
export function totalOf(transfers: readonly Transfer[]): TransferTotal {
  return { bytes: transfers.reduce((n, t) => n + t.bytes, 0), requests: transfers.length };
}

/** "21.3 KiB in 6 requests". */
export function describeTotal({ bytes, requests }: TransferTotal): string {
  return `${(bytes / 1024).toFixed(1)} KiB in ${requests} request${requests === 1 ? "" : "s"}`;
}

/** The problem, as a sentence, when a first visit costs more than the budget; undefined within it. */
export function overFirstVisitBudget(path: string, total: TransferTotal, budget = FIRST_VISIT_BUDGET.bytes) {
  if (total.bytes <= budget) return undefined;
  return `${path}: a first visit transfers ${total.bytes} B > ${budget} B in the first ${FIRST_VISIT_BUDGET.windowSeconds} s`;
}
