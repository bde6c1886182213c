/**
 * npm run report:editorial [-- --content DIR] [--json]
 *
 * Prints the handbook's sameness figures, so authors can see it as a whole:
 * how many practices share one outline, how their sizes and step counts
 * spread, how often the stock phrases and the same given names recur, and
 * how alike the practices that share a title read; and how it stands on
 * evidence: practices without two pitfalls, the pages citing each study, and
 * the sources by kind. The rules that hold
 * these figures run in `npm run check:coverage`; this command only reports.
 */
import { parseArgs } from "node:util";
import { readConfig } from "../src/lib/config.ts";
import { loadContent } from "../src/lib/content/read-entries.ts";
import { evidenceReport, formatEvidence } from "../src/lib/content/evidence-report.ts";
import { formatSameness, samenessReport } from "../src/lib/content/sameness.ts";
import { readRegister } from "../src/lib/content/source-register.ts";

const { values } = parseArgs({
  options: { content: { type: "string" }, json: { type: "boolean", default: false } },
});
const config = readConfig(values.content ? { ...process.env, HANDBOOK_CONTENT_DIR: values.content } : process.env);
const { content } = loadContent(config.contentDir);
const report = samenessReport(content);
const evidence = evidenceReport(content, readRegister(config.contentDir));
console.log(
  values.json
    ? JSON.stringify({ ...report, evidence }, null, 2)
    : `${formatSameness(report)}\n${formatEvidence(evidence)}`,
);
