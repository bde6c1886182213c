import { describe, expect, it } from "vitest";
import { scaleProblems } from "../../src/lib/budgets/scale.ts";

describe("scale budget", () => {
  it("passes a build that grows no faster than its content and stays under 4 GiB", () => {
    const runs = [
      { factor: 1, seconds: 14, peakMiB: 450 },
      { factor: 10, seconds: 33, peakMiB: 755 },
      { factor: 100, seconds: 260, peakMiB: 2548 },
    ];
    expect(scaleProblems(runs)).toEqual([]);
  });

  it("names the step where time grows faster than the content, even when the whole range looks linear", () => {
    // 1 → 100 is 90×, under 100×; but 10 → 100 is 45×, and that step is the problem.
    const runs = [
      { factor: 100, seconds: 900, peakMiB: 3000 },
      { factor: 1, seconds: 10, peakMiB: 400 },
      { factor: 10, seconds: 20, peakMiB: 800 },
    ];
    expect(scaleProblems(runs)).toEqual([
      "factor 10 → 100: 10.0× the content took 45.0× the time; growth faster than linear (budget 10.0×)",
    ]);
  });

  it("fails the 100× build over 4 GiB but only reports memory for bigger ones", () => {
    const runs = [
      { factor: 1, seconds: 10, peakMiB: 400 },
      { factor: 100, seconds: 500, peakMiB: 9335 },
      { factor: 200, seconds: 1000, peakMiB: 9000 },
    ];
    expect(scaleProblems(runs)).toEqual(["factor 100: peak memory 9335 MiB is over the 4096 MiB budget"]);
  });
});
