import AxeBuilder from "@axe-core/playwright";
import { serveStatic } from "../tests/support/preview.ts";
import { AXE_TAGS, launch } from "../tests/e2e/browser.ts";
const s = await serveStatic("dist");
for (const scheme of ["light", "dark"] as const) {
  const context = await launch({ colorScheme: scheme });
  const page = await context.newPage();
  for (const path of process.argv.slice(2)) {
    await page.goto(`${s.url}${path}`);
    await page.waitForTimeout(1500);
    const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    console.log(scheme, path, JSON.stringify(r.violations.map((v) => [v.id, v.nodes.map((n) => n.target.join(" ")).slice(0, 4)])));
  }
  await context.close();
}
await s.server.stop();
