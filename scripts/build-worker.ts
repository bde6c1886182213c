/**
 * npm run build's third step, after Astro and Pagefind: the offline save
 * manifest (`offline.json`: every address "Save for offline" fetches, and
 * their size) and the service worker (`sw.js`), bundled from
 * src/sw/service-worker.ts with Vite and given the shell's addresses (shellUrls).
 * It runs last so it sees everything the reader can download, the index included.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "vite";
import { listFiles } from "../src/lib/build/files.ts";
import { handbookVersion } from "../src/lib/build/version.ts";
import { readConfig, readSite } from "../src/lib/config.ts";
import { formatSize, saveManifest, shellUrls } from "../src/lib/offline/save.ts";
import { safeOutDir } from "./out-dir.ts";

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

const shell = shellUrls(files, base);
await build({
  configFile: false,
  logLevel: "warn",
  define: { __SHELL__: JSON.stringify(shell), __VERSION__: JSON.stringify(version) },
  build: {
    outDir,
    emptyOutDir: false,
    copyPublicDir: false,
    // A classic script: every browser with service workers runs one, not all run module workers.
    lib: { entry: "src/sw/service-worker.ts", formats: ["iife"], name: "handbookWorker", fileName: () => "sw.js" },
  },
});
const worker = statSync(join(outDir, "sw.js")).size;
console.log(
  `Service worker: sw.js ${formatSize(worker)}; shell ${shell.length} files, fetched once the reader comes back; ` +
    `a full save ${manifest.pages} pages and search, ${manifest.urls.length} files ${formatSize(manifest.bytes)}`,
);
