import { join } from "node:path";
import { serveStatic } from "./tests/support/preview.ts";
import { launch } from "./tests/e2e/browser.ts";
const { url, server } = await serveStatic(join(process.cwd(), "dist"));
for (const q of ["elevator pitch", "follow up", "introvert"]) {
  const context = await launch();
  const page = await context.newPage();
  await page.goto(`${url}/practices/arrive-early/`);
  await page.waitForLoadState("networkidle");
  const t0 = await page.evaluate("performance.now()") as number;
  await page.keyboard.press("/");
  await page.keyboard.type(q);
  await page.waitForFunction(() => document.querySelector('dialog[open] ol[aria-label="Results"]')?.getAttribute("aria-busy") === "false");
  const t1 = await page.evaluate("performance.now()") as number;
  const res = await page.evaluate(`performance.getEntriesByType("resource").map(e => [e.name.replace(/^https?:\\/\\/[^/]+/, ""), Math.round(e.startTime), Math.round(e.responseEnd)])`) as [string, number, number][];
  console.log(q, "total", Math.round(t1 - t0));
  for (const [n, s, e] of res) if (s >= t0 - 5) console.log("  ", n.padEnd(50), Math.round(s - t0), Math.round(e - t0));
  await context.close();
}
await server.stop();
