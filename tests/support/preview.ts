import type { Server } from "node:http";
import { preview, type AstroIntegration, type PreviewServer } from "astro";

/**
 * Serves a built site with `astro preview` (Astro's programmatic API) on a free
 * loopback port: the project's own config, so the site is served under the
 * base path it was built for (`SITE_BASE`), with its 404 page for unknown paths.
 * `url` is the site's root, base path included, without a trailing slash.
 * Stop it with `server.stop()`. For browser tests and benchmarks only.
 *
 * `siteBase` serves a build made under that `SITE_BASE` (astro.config.mjs reads
 * it from the environment, for the preview as for the build).
 */
export async function serveStatic(outDir: string, siteBase?: string): Promise<{ url: string; server: PreviewServer }> {
  // As for the builds tests run (tests/support/astro-build.ts): nothing is reported to Astro.
  process.env.ASTRO_TELEMETRY_DISABLED ??= "1";
  const previous = process.env.SITE_BASE;
  if (siteBase !== undefined) process.env.SITE_BASE = siteBase;
  let base = "/";
  // The base path as Astro resolved it from astro.config.mjs, read rather than re-derived.
  const readBase: AstroIntegration = {
    name: "handbook:preview-base",
    hooks: { "astro:config:done": ({ config }) => void (base = config.base) },
  };
  const server = await preview({
    outDir,
    // Port 0: the system picks a free one, read back from the listening server below.
    server: { host: "127.0.0.1", port: 0 },
    logLevel: "warn",
    integrations: [readBase],
  }).finally(() => {
    if (previous === undefined) delete process.env.SITE_BASE;
    else process.env.SITE_BASE = previous;
  });
  // Astro reports the port it was asked for (0); its static preview server also
  // carries the Node server, whose address has the real one.
  const address = (server as PreviewServer & { server?: Server }).server?.address();
  if (!address || typeof address === "string") {
    await server.stop();
    throw new Error("astro preview started without a TCP address to read its port from");
  }
  return { url: `http://127.0.0.1:${address.port}${base.replace(/\/$/, "")}`, server };
}
