import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv } from "../support/astro-build.ts";
import { launch } from "./browser.ts";

// `npm run dev` over a copy of the content, so a test can edit an entry as an author would.
let dev: ChildProcess;
let url = "";
const content = mkdtempSync(join(tmpdir(), "handbook-dev-"));
cpSync("content", content, { recursive: true });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // Its own process group, so that stopping it also stops the server npx starts.
  dev = spawn("npx", ["astro", "dev", "--host", "127.0.0.1", "--port", String(port)], {
    env: childEnv({ HANDBOOK_CONTENT_DIR: content }),
    stdio: "pipe",
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("astro dev did not start")), 60_000);
    dev.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes(String(port))) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}, 90_000);

afterAll(() => {
  if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
});

describe("dev mode", () => {
  it("the search dialog explains that the index exists after a build", async () => {
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${url}/practices/elevator-pitch/`, { timeout: 60_000 });
    await page.keyboard.press("/");
    await expect.poll(() => page.locator("dialog[open]").textContent(), { timeout: 30_000 }).toContain("npm run build");
    await context.close();
  }, 90_000);

  it("reloads an open practice page when its file is edited", async () => {
    const context = await launch();
    const page = await context.newPage();
    // An edit before the page's dev client connects would reload nothing; wait for it, as a reader's page has.
    const connected = new Promise<void>((resolve) =>
      page.on("console", (message) => message.text().includes("[vite] connected") && resolve()),
    );
    await page.goto(`${url}/practices/be-punctual/`, { timeout: 60_000 });
    await connected;
    const file = join(content, "practices/be-punctual.mdx");
    const text = readFileSync(file, "utf8");
    // No reload by the test: the dev server tells the open page to reload. The edit is
    // repeated every few seconds, because one made while the server is still settling
    // (optimizing dependencies after its first page) may be reloaded away unseen.
    let edits = 0;
    const edit = () => {
      edits += 1;
      writeFileSync(
        file,
        text.replace(
          "## Why it matters\n\n",
          `## Why it matters\n\nA sentence added while the page was open (${edits}).\n\n`,
        ),
      );
    };
    edit();
    const timer = setInterval(edit, 5_000);
    try {
      await expect
        .poll(() => page.locator("main").textContent(), { timeout: 30_000 })
        .toContain("A sentence added while the page was open");
    } finally {
      clearInterval(timer);
    }
    // The copy is this test's own: it is left edited, since restoring it would reload pages again.
    await context.close();
  }, 90_000);
});
