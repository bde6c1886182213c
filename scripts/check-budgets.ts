/**
 * npm run check:budgets [-- --dist DIR] [--json]
 *
 * Weighs every built page as a browser loads it before any interaction (HTML,
 * CSS, JS, images, icons; gzip) and fails if a page exceeds its budget: every
 * reading page READING_PAGE_BUDGET, the /lists/ and /progress/ applications, the /changes/ log and the /sources/ register their own.
 * Prints the heaviest page of each type. For the home, the heaviest practice,
 * section and the A–Z page it then measures in Chromium what a first visit
 * transfers in all (fresh profile, service worker allowed, the first 30 s),
 * and what a second page view adds, and fails over FIRST_VISIT_BUDGET.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { listFiles } from "../src/lib/build/files.ts";
import { shellUrls } from "../src/lib/offline/save.ts";
import {
  CHANGES_PAGE_BUDGET,
  SOURCES_PAGE_BUDGET,
  LISTS_PAGE_BUDGET,
  overBudget,
  PROGRESS_PAGE_BUDGET,
  READING_PAGE_BUDGET,
  weighPage,
  type Budget,
  type PageWeight,
} from "../src/lib/budgets/page-weight.ts";
import {
  describeTotal,
  FIRST_VISIT_BUDGET,
  overFirstVisitBudget,
  totalOf,
  type TransferTotal,
} from "../src/lib/budgets/first-visit.ts";
import { measureTransfer } from "../tests/support/transfer.ts";

const { values } = parseArgs({
  options: { dist: { type: "string", default: "dist" }, json: { type: "boolean", default: false } },
});
const dist = values.dist!;
/** The base path the build was made for, as the worker addresses its shell (`/` or `/handbook/`). */
const base = (process.env.SITE_BASE || "/").replace(/\/?$/, "/").replace(/^\/?/, "/");

function typeOf(path: string): string {
  if (path === "/") return "home";
  if (path === "/404.html") return "404";
  if (path === "/practices/") return "A–Z";
  const first = path.split("/")[1];
  return (
    {
      sections: "section",
      practices: "practice",
      industries: "industry",
      search: "search",
      lists: "lists",
      progress: "progress",
      changes: "changes",
      sources: "sources",
    }[first ?? ""] ?? "other"
  );
}

/** Application pages and the change log have budgets of their own; every other page is read, and gets the reading page's. */
const APPLICATION_BUDGETS: Record<string, Budget> = {
  lists: LISTS_PAGE_BUDGET,
  progress: PROGRESS_PAGE_BUDGET,
  changes: CHANGES_PAGE_BUDGET,
  sources: SOURCES_PAGE_BUDGET,
};
const budgetOf = (type: string) => APPLICATION_BUDGETS[type] ?? READING_PAGE_BUDGET;

const read = (path: string) => {
  const file = join(dist, decodeURIComponent(path));
  return existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
};

const heaviest = new Map<string, { path: string; weight: PageWeight }>();
const failures: string[] = [];
let pages = 0;
for (const file of listFiles(dist, ".html", ["pagefind", "_astro"])) {
  const html = readFileSync(file, "utf8");
  if (/<meta http-equiv="refresh"/i.test(html)) continue; // alias redirects are not reading pages
  const path = `/${relative(dist, file)}`.replace(/index\.html$/, "");
  const weight = weighPage(path, html, read);
  pages++;
  const type = typeOf(path);
  for (const problem of overBudget(weight, budgetOf(type))) failures.push(`${path}: ${problem}`);
  const current = heaviest.get(type);
  if (!current || weight.gzipBytes > current.weight.gzipBytes) heaviest.set(type, { path, weight });
}

/** The pages a teammate's link most often opens, measured in the browser on a first visit. */
const FIRST_VISIT_TYPES = ["home", "practice", "section", "A–Z"];
const firstVisits = new Map<string, { first: TransferTotal; then: TransferTotal; second: string; fetched: string }>();
await Promise.all(
  FIRST_VISIT_TYPES.map(async (type) => {
    const path = heaviest.get(type)?.path;
    if (!path) return;
    // The second page view: the home, or from the home the heaviest practice.
    const second = type === "home" ? heaviest.get("practice")!.path : "/";
    const visit = await measureTransfer({
      dist,
      base,
      first: base + path.slice(1),
      then: base + second.slice(1),
      windowMs: FIRST_VISIT_BUDGET.windowSeconds * 1000,
    });
    const first = totalOf(visit.first);
    const problem = overFirstVisitBudget(path, first);
    if (problem) failures.push(problem);
    const fetched = visit.first.map((t) => `${t.url.slice(base.length - 1)} ${t.status} ${t.bytes}`).join(", ");
    firstVisits.set(type, { first, then: totalOf([...visit.first, ...visit.then]), second, fetched });
  }),
);

const rows = [...heaviest].map(([type, { path, weight }]) => ({
  type,
  heaviest: path,
  requests: weight.requests,
  gzipBytes: weight.gzipBytes,
  searchBytes: weight.searchBytes,
  breakdown: weight.resources
    .filter((r) => !r.background)
    .map((r) => `${r.kind} ${r.gzipBytes}`)
    .join(" + "),
  background: weight.resources
    .filter((r) => r.background)
    .map((r) => `${r.url.split("/").pop()} ${r.gzipBytes}`)
    .join(" + "),
  firstVisit: firstVisits.get(type),
}));
if (values.json) {
  console.log(
    JSON.stringify({ budget: READING_PAGE_BUDGET, applications: APPLICATION_BUDGETS, pages, rows, failures }, null, 2),
  );
} else {
  const describe = (b: Budget) =>
    `≤ ${b.gzipBytes} B gzip, ≤ ${b.requests} requests, ${b.searchBytes} B search before intent; ` +
    `≤ ${b.backgroundBytes} B gzip of icons and manifest in the background`;
  console.log(`budget per page: ${describe(READING_PAGE_BUDGET)}`);
  for (const [type, budget] of Object.entries(APPLICATION_BUDGETS))
    console.log(`budget for ${type}: ${describe(budget)}`);
  console.log(
    `budget for a first visit (${FIRST_VISIT_TYPES.join(", ")}; fresh profile, service worker allowed): ` +
      `≤ ${FIRST_VISIT_BUDGET.bytes} B on the wire, headers included, in the first ${FIRST_VISIT_BUDGET.windowSeconds} s`,
  );
  for (const r of rows) {
    console.log(
      `${r.type.padEnd(9)} ${String(r.gzipBytes).padStart(6)} B  ${r.requests} req  search ${r.searchBytes} B  ${r.heaviest}  (${r.breakdown})` +
        (r.background ? `  background: ${r.background}` : ""),
    );
    if (r.firstVisit)
      console.log(
        `          first visit ${describeTotal(r.firstVisit.first)} (${r.firstVisit.fetched}); ` +
          `with a second page view (${r.firstVisit.second}) ${describeTotal(r.firstVisit.then)}`,
      );
  }
  // The worker, and the shell it fetches once the reader comes back (never on a first visit): reported here,
  // outside any page's budget; the first-visit figures above include the worker.
  const worker = read("/sw.js");
  if (worker) {
    const files = listFiles(dist).map((file) => ({ path: relative(dist, file).split("\\").join("/"), bytes: 0 }));
    const shell = shellUrls(files, base).map((url) => read(`/${url.slice(base.length)}`.replace(/\/$/, "/index.html")));
    const gzip = shell.reduce((n, b) => n + (b ? gzipSync(b).length : 0), 0);
    console.log(
      `worker    ${String(gzipSync(worker).length).padStart(6)} B gzip  sw.js; shell ${shell.length} files, ${gzip} B gzip, fetched once the reader comes back`,
    );
  }
  for (const failure of failures.slice(0, 20)) console.error(`over budget: ${failure}`);
  if (failures.length > 20) console.error(`… and ${failures.length - 20} more`);
  console.log(failures.length ? `budgets: ${failures.length} page(s) over budget` : `budgets: ok (${pages} pages)`);
}
process.exit(failures.length ? 1 : 0);
