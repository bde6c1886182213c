import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import { launch } from "../e2e/browser.ts";
import { serveStatic } from "./preview.ts";
import type { Transfer } from "../../src/lib/budgets/first-visit.ts";

/**
 * What a reader's browser downloads when they open `first` (and then `then`,
 * if given) on a fresh profile with the service worker allowed, counted by the
 * server as it sends it: every response, headers included, whoever asked for
 * it (the page, the browser for the favicon and manifest, the worker for its
 * script and what it caches). The server is astro preview, which compresses as
 * a host does (gzip). Each visit gets a server of its own, so visits measured
 * at once do not count each other's requests. `windowMs` is how long after
 * each page view requests are counted. For benchmarks and browser tests only.
 */
export async function measureTransfer(options: {
  dist: string;
  base: string;
  first: string;
  then?: string;
  windowMs: number;
}): Promise<{ first: Transfer[]; then: Transfer[] }> {
  const served = await serveStatic(options.dist, options.base === "/" ? undefined : options.base.replace(/\/$/, ""));
  const log: Transfer[] = [];
  countResponses((served.server as unknown as { server: Server }).server, log);
  const context = await launch({ serviceWorkers: "allow" });
  try {
    const page = await context.newPage();
    const origin = new URL(served.url).origin;
    await page.goto(`${origin}${options.first}`);
    await page.waitForTimeout(options.windowMs);
    const first = log.splice(0);
    if (options.then) {
      await page.goto(`${origin}${options.then}`);
      await page.waitForTimeout(options.windowMs);
    }
    return { first, then: log.splice(0) };
  } finally {
    await context.close();
    await served.server.stop();
  }
}

/**
 * Logs every response `server` sends with the bytes it put on the socket. An HTTP/1.1 connection carries
 * one response at a time, so the socket's byte count at each response's end, less the count at the
 * previous one's, is that response: status line, headers and (compressed) body.
 */
function countResponses(server: Server, log: Transfer[]): void {
  const sent = new WeakMap<Socket, number>();
  // Prepended, so the address is read before the preview server rewrites it (`/x/` to `/x/index.html`).
  server.prependListener("request", (request: IncomingMessage, response) => {
    const url = request.url ?? "";
    response.on("finish", () => {
      const socket = request.socket;
      const before = sent.get(socket) ?? 0;
      sent.set(socket, socket.bytesWritten);
      log.push({ url, status: response.statusCode, bytes: socket.bytesWritten - before });
    });
  });
}
