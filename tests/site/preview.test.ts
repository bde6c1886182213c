import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../support/preview.ts";
import { DIST } from "./dist.ts";

// The server the browser tests and the search benchmark read the build through.
let served: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  served = await serveStatic(resolve(DIST));
});
afterAll(() => served?.server.stop());

/** Whether anything accepts a new connection at `url`'s host and port. */
function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect(Number(port), hostname)
      .once("connect", () => {
        socket.destroy();
        done(true);
      })
      .once("error", () => done(false));
  });
}

describe("serveStatic (astro preview)", () => {
  it("serves the built pages, with or without the trailing slash", async () => {
    for (const path of ["/", "/practices/elevator-pitch/", "/practices/elevator-pitch"]) {
      const response = await fetch(`${served.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
    }
    expect(await (await fetch(`${served.url}/practices/elevator-pitch/`)).text()).toBe(
      readFileSync(join(DIST, "practices/elevator-pitch/index.html"), "utf8"),
    );
    expect((await fetch(`${served.url}/pagefind/pagefind.js`)).status).toBe(200);
  });

  it("answers a missing path with the site's 404 page and status", async () => {
    const response = await fetch(`${served.url}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(readFileSync(join(DIST, "404.html"), "utf8"));
  });

  it("takes a free port for each server and frees it when stopped", async () => {
    const other = await serveStatic(resolve(DIST));
    expect(new URL(other.url).port).not.toBe(new URL(served.url).port);
    expect(await listening(other.url)).toBe(true);
    await other.server.stop();
    expect(await listening(other.url)).toBe(false);
  });
});
