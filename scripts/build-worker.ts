/**
 * npm run build's third step, after Astro and Pagefind: the offline save
 * manifest (`offline.json`: every address "Save for offline" fetches, and
 * their size) and the service worker (`sw.js`), bundled from
 * src/sw/service-worker.ts with Vite and given its precache list by Workbox.
 * It runs last so it sees everything the reader can download, the index included.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build } from "vite";
import { injectManifest } from "workbox-build";
import { listFiles } from "../src/lib/build/files.ts";
import { handbookVersion } from "../src/lib/build/version.ts";
import { readConfig, readSite } from "../src/lib/config.ts";
import { formatSize, saveManifest } from "../src/lib/offline/save.ts";
import { safeOutDir } from "./out-dir.ts";

/** The pages every reader gets offline after one visit, as files of the build. */
export const PRECACHED_PAGES = [
  "index.html",
  "sections/*/index.html",
  "practices/index.html",
  "404.html",
  "offline/index.html",
  "search/index.html",
];

const config = readConfig();
const outDir = safeOutDir(config);
const base = readSite().base.replace(/\/?$/, "/");
// The version astro.config.mjs gives the search's metaCacheTag: the two must agree.
const version = handbookVersion(config.contentDir);

const files = listFiles(outDir).map((file) => ({
  path: relative(outDir, file).split("\\").join("/"),
  bytes: statSync(file).size,
}));
// Alias redirects (a renamed practice's old address) are not pages to keep.
const redirects = new Set(
  files
    .filter(
      (f) => f.path.endsWith(".html") && /<meta http-equiv="refresh"/i.test(readFileSync(join(outDir, f.path), "utf8")),
    )
    .map((f) => f.path),
);
const manifest = saveManifest(files, base, version, redirects);
writeFileSync(join(outDir, "offline.json"), JSON.stringify(manifest));

const temp = mkdtempSync(join(tmpdir(), "handbook-sw-"));
try {
  await build({
    configFile: false,
    logLevel: "warn",
    // Workbox leaves out its development logging in production.
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir: temp,
      emptyOutDir: true,
      // A classic script: every browser with service workers runs one, not all run module workers.
      lib: { entry: "src/sw/service-worker.ts", formats: ["iife"], name: "handbookWorker", fileName: () => "sw.js" },
    },
  });
  const { count, size, warnings } = await injectManifest({
    swSrc: join(temp, "sw.js"),
    swDest: join(outDir, "sw.js"),
    globDirectory: outDir,
    globPatterns: [...PRECACHED_PAGES, "offline.json"],
    modifyURLPrefix: { "": base },
  });
  for (const warning of warnings) console.warn(warning);
  const worker = statSync(join(outDir, "sw.js")).size;
  console.log(
    `Service worker: sw.js ${formatSize(worker)}, precache ${count} files ${formatSize(size)}; ` +
      `a full save ${manifest.pages} pages and search, ${manifest.urls.length} files ${formatSize(manifest.bytes)}`,
  );
} finally {
  rmSync(temp, { recursive: true, force: true });
}
