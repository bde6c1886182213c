import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv } from "../support/astro-build.ts";
import { launch } from "./browser.ts";

// `npm run dev` has no search index (Pagefind runs after a build): the dialog says so.
let dev: ChildProcess;
let url = "";

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
    env: childEnv(),
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
});
