/**
 * npm run bench:scale -- --factor N [--factor M …]
 *
 * Builds a synthetic handbook N times the size of the real one (sections,
 * subsections and practices with bodies of real length) from a temporary
 * content folder, indexes it, and prints wall time, peak memory (the whole
 * build's process tree), page count and index size, each with its ratio to
 * factor 1, which is always measured first as the baseline, and the gzip bytes
 * of the data the first search fetches besides Pagefind (/search/ui.json: the
 * search markup and every practice's id and title). Exits 1 when
 * growth breaks the scale budget (src/lib/budgets/scale.ts): time growing faster than
 * the content, or a build up to 100× over 4 GiB.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { listFiles } from "../src/lib/build/files.ts";
import { readConfig } from "../src/lib/config.ts";
import { SCALE_BUDGET, scaleProblems } from "../src/lib/budgets/scale.ts";
import { syntheticHandbook } from "../src/lib/budgets/synthetic-content.ts";
import { SEARCH_UI_PATH } from "../src/lib/search/practice-list.ts";

const { values } = parseArgs({ options: { factor: { type: "string", multiple: true, default: ["1"] } } });
const factors = [...new Set([1, ...values.factor!.map(Number)])].sort((a, b) => a - b);

/** Resident memory of a process and all its descendants, in bytes, read from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(name);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

interface Row {
  factor: number;
  practices: number;
  seconds: number;
  peakMiB: number;
  pages: number;
  indexMiB: number;
  /** Gzip bytes of the data the first search needs besides Pagefind. */
  firstSearchKiB: number;
}

async function measure(factor: number): Promise<Row> {
  const { contentDir } = readConfig();
  const real = Object.fromEntries(
    listFiles(contentDir).map((file) => [relative(contentDir, file), readFileSync(file, "utf8")]),
  );
  const work = mkdtempSync(join(tmpdir(), `handbook-scale-${factor}-`));
  const content = join(work, "content");
  const files = syntheticHandbook(real, factor);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  const out = join(work, "dist");
  const started = performance.now();
  // The command a user runs, so the figures include the search index step.
  const child = spawn("npm", ["run", "build"], {
    env: {
      ...process.env,
      HANDBOOK_CONTENT_DIR: content,
      HANDBOOK_OUT_DIR: out,
      HANDBOOK_CACHE_DIR: join(work, "cache"),
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 200);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`factor ${factor}: the build failed\n${stderr.slice(-3000)}`);
  const built = listFiles(out);
  const row: Row = {
    factor,
    practices: Object.keys(files).filter((p) => p.startsWith("practices/")).length,
    seconds,
    peakMiB: peak / 2 ** 20,
    pages: built.filter((f) => f.endsWith(".html")).length,
    indexMiB: built.filter((f) => f.includes("/pagefind/")).reduce((n, f) => n + statSync(f).size, 0) / 2 ** 20,
    firstSearchKiB: gzipSync(readFileSync(join(out, SEARCH_UI_PATH))).length / 1024,
  };
  rmSync(work, { recursive: true, force: true });
  return row;
}

const rows: Row[] = [];
for (const factor of factors) {
  const row = await measure(factor);
  rows.push(row);
  const base = rows[0]!;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  console.log(
    [
      `factor ${String(row.factor).padStart(3)}`,
      `${String(row.practices).padStart(6)} practices`,
      `${row.seconds.toFixed(1).padStart(7)} s (${ratio(row.seconds, base.seconds)})`,
      `peak ${row.peakMiB.toFixed(0).padStart(5)} MiB (${ratio(row.peakMiB, base.peakMiB)})`,
      `${String(row.pages).padStart(6)} pages (${ratio(row.pages, base.pages)})`,
      `index ${row.indexMiB.toFixed(1).padStart(6)} MiB (${ratio(row.indexMiB, base.indexMiB)})`,
      `first search ${row.firstSearchKiB.toFixed(1).padStart(6)} KiB gzip (${ratio(row.firstSearchKiB, base.firstSearchKiB)})`,
    ].join(" · "),
  );
}

const problems = scaleProblems(rows);
console.log(
  `budget: time grows no faster than the content; peak ≤ ${SCALE_BUDGET.peakMiB} MiB up to factor ${SCALE_BUDGET.memoryUpToFactor}`,
);
for (const problem of problems) console.error(`over budget: ${problem}`);
console.log(problems.length ? `scale: ${problems.length} over budget` : "scale: ok");
if (problems.length) process.exitCode = 1;
