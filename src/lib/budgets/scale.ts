/** One synthetic build measured by `npm run bench:scale`. */
export interface ScaleRun {
  /** How many times the real handbook the content is. */
  factor: number;
  /** Wall time of `npm run build`, in seconds. */
  seconds: number;
  /** Peak resident memory of the build's whole process tree, in MiB. */
  peakMiB: number;
}

/** What a build of a bigger handbook may cost. */
export interface ScaleBudget {
  /**
   * Time may grow at most this many times as fast as the content between two
   * measured factors: 1 means 10× the content in at most 10× the time.
   */
  timeGrowth: number;
  /** Peak memory of any build up to `memoryUpToFactor`, in MiB. */
  peakMiB: number;
  /** Largest factor the memory limit applies to: a handbook 100× this one. */
  memoryUpToFactor: number;
}

export const SCALE_BUDGET: ScaleBudget = { timeGrowth: 1, peakMiB: 4096, memoryUpToFactor: 100 };

/**
 * Where growth breaks the budget, one sentence each. Runs are compared with
 * the next smaller factor measured, so a superlinear step shows where it starts
 * rather than being averaged away over the whole range.
 */
export function scaleProblems(runs: readonly ScaleRun[], budget: ScaleBudget = SCALE_BUDGET): string[] {
  const sorted = [...runs].sort((a, b) => a.factor - b.factor);
  const problems: string[] = [];
  sorted.forEach((run, i) => {
    if (run.factor <= budget.memoryUpToFactor && run.peakMiB > budget.peakMiB) {
      problems.push(
        `factor ${run.factor}: peak memory ${run.peakMiB.toFixed(0)} MiB is over the ${budget.peakMiB} MiB budget`,
      );
    }
    const previous = sorted[i - 1];
    if (!previous) return;
    const contentRatio = run.factor / previous.factor;
    const timeRatio = run.seconds / previous.seconds;
    if (timeRatio > contentRatio * budget.timeGrowth) {
      problems.push(
        `factor ${previous.factor} → ${run.factor}: ${contentRatio.toFixed(1)}× the content took ${timeRatio.toFixed(1)}× the time; ` +
          `growth faster than linear (budget ${(contentRatio * budget.timeGrowth).toFixed(1)}×)`,
      );
    }
  });
  return problems;
}
