import type { Server } from "node:http";
import type { Socket } from "node:net";
import { serveStatic } from "../tests/support/preview.ts";
import { launch } from "../tests/e2e/browser.ts";
const s = await serveStatic("dist");
const server = (s.server as any).server as Server;
const log: { url: string; status: number; bytes: number }[] = [];
const mark = new WeakMap<Socket, number>();
server.prependListener("request", (req, res) => {
  const socket = req.socket;
  const start = mark.get(socket) ?? 0;
  res.on("finish", () => {
    const now = socket.bytesWritten;
    mark.set(socket, now);
    log.push({ url: req.url!, status: res.statusCode, bytes: now - start });
  });
});
server.on("connection", (socket) => mark.set(socket, 0));
const context = await launch({ serviceWorkers: "allow" });
const page = await context.newPage();
await page.goto(`${s.url}/practices/elevator-pitch/`);
await page.waitForTimeout(8000);
for (const l of log) console.log(l.status, l.bytes, l.url);
console.log(log.length, log.reduce((n, l) => n + l.bytes, 0));
await context.close();
await s.server.stop();
