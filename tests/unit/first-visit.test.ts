import { describe, expect, it } from "vitest";
import { describeTotal, FIRST_VISIT_BUDGET, overFirstVisitBudget, totalOf } from "../../src/lib/budgets/first-visit.ts";

describe("a first visit's transfer", () => {
  const visit = [
    { url: "/practices/x/", status: 200, bytes: 13_500 },
    { url: "/sw.js", status: 200, bytes: 2_000 },
    { url: "/favicon.svg", status: 304, bytes: 127 },
  ];

  it("adds up every response, revalidations included", () => {
    expect(totalOf(visit)).toEqual({ bytes: 15_627, requests: 3 });
    expect(describeTotal(totalOf(visit))).toBe("15.3 KiB in 3 requests");
    expect(describeTotal({ bytes: 1024, requests: 1 })).toBe("1.0 KiB in 1 request");
  });

  it("is within the budget up to 24 KiB, and over it says by how much and where", () => {
    expect(FIRST_VISIT_BUDGET.bytes).toBe(24 * 1024);
    expect(overFirstVisitBudget("/practices/x/", { bytes: 24 * 1024, requests: 8 })).toBeUndefined();
    expect(overFirstVisitBudget("/practices/x/", { bytes: 24 * 1024 + 1, requests: 25 })).toBe(
      "/practices/x/: a first visit transfers 24577 B > 24576 B in the first 30 s",
    );
  });
});
