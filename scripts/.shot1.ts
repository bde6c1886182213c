import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveStatic } from "../tests/support/preview.ts";
const [path, out, w, h, scheme, store] = process.argv.slice(2);
const { url, server } = await serveStatic("dist");
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "shot-")), {
  executablePath: "/usr/bin/chromium",
  args,
  colorScheme: (scheme as "light" | "dark") ?? "light",
  viewport: { width: Number(w), height: Number(h) },
});
const page = await context.newPage();
if (store) {
  await page.goto(url + "/404.html");
  await page.evaluate((s) => {
    for (const [k, v] of Object.entries(JSON.parse(s))) localStorage.setItem(k, v as string);
  }, store);
}
await page.goto(url + path);
await page.waitForTimeout(200);
await page.screenshot({ path: out });
await context.close();
await server.stop();
