/**
 * npm run bench:relevance [-- --dist DIR] [--cases FILE] [--show N]
 *
 * Asks the built site's search the questions in tests/relevance/questions.json
 * as a reader would type them, through the search box's own client (Pagefind's
 * built pagefind.js and the handbook's query handling, run in Node over the
 * built index), and prints the top-1 and top-3 hit rates and every miss with
 * what came first instead. Fails when a rate is under its budget, or when a
 * case names a page the build does not have. Run `npm run build` first.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pagefindClient } from "../src/lib/search/pagefind-client.ts";
import { pageKey, parseRelevanceCases, relevanceReport, type RelevanceRun } from "../src/lib/search/relevance.ts";
import { builtPagefind } from "../tests/support/built-pagefind.ts";

const { values } = parseArgs({
  options: {
    dist: { type: "string", default: "dist" },
    cases: { type: "string", default: "tests/relevance/questions.json" },
    show: { type: "string", default: "0" },
  },
});
const BUDGET = { top1: 0.7, top3: 0.9 };
const dist = values.dist!;
if (!existsSync(join(dist, "pagefind/pagefind.js"))) {
  console.error(`${dist}/pagefind/pagefind.js is missing: run npm run build first`);
  process.exit(1);
}
const cases = parseRelevanceCases(JSON.parse(readFileSync(values.cases!, "utf8")));
const unknown = cases.flatMap((c) =>
  c.answers.filter((a) => !existsSync(join(dist, a.startsWith("/") ? a : `practices/${a}/`, "index.html"))),
);
if (unknown.length) {
  console.error(`${values.cases}: no such page in ${dist}: ${unknown.join(", ")}`);
  process.exit(1);
}

const client = pagefindClient({ base: "/", version: "bench" }, builtPagefind(dist));
const runs: RelevanceRun[] = [];
for (const c of cases) {
  const response = await client.search(c.q, {});
  runs.push({ case: c, ranked: (await response.results(0, 3)).map((r) => pageKey(r.url)) });
}
const report = relevanceReport(runs);
const pct = (n: number) => `${((100 * n) / report.total).toFixed(1)} %`;
const show = Number(values.show);
for (const run of runs.slice(0, show)) console.log(`"${run.case.q}"\n   ${run.ranked.join(", ") || "(nothing)"}`);
for (const run of report.misses)
  console.log(
    `miss: "${run.case.q}"\n   wanted ${run.case.answers.join(" | ")}\n   got    ${run.ranked.join(", ") || "(nothing)"}`,
  );
for (const run of report.notFirst)
  console.log(
    `not first: "${run.case.q}" (wanted ${run.case.answers[0]}${run.case.answers.length > 1 ? " …" : ""}; got ${run.ranked.join(", ")})`,
  );
const top1 = report.top1 / report.total;
const top3 = report.top3 / report.total;
console.log(
  `questions ${report.total} · top-1 ${report.top1}/${report.total} (${pct(report.top1)}, budget ≥ ${BUDGET.top1 * 100} %) · top-3 ${report.top3}/${report.total} (${pct(report.top3)}, budget ≥ ${BUDGET.top3 * 100} %)`,
);
if (top1 < BUDGET.top1 || top3 < BUDGET.top3) {
  console.error("relevance under budget");
  process.exit(1);
}
