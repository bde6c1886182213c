import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Vitest puts Vite's own variables (BASE_URL, MODE, DEV, PROD, SSR) into
// process.env; a child `astro build` would read them as its import.meta.env.
// It also sets NODE_ENV=test, under which `astro dev` never reloads an open
// page after a content edit.
const VITEST_ENV = [
  "NODE_ENV",
  "BASE_URL",
  "MODE",
  "DEV",
  "PROD",
  "SSR",
  "VITEST",
  "VITEST_MODE",
  "VITEST_POOL_ID",
  "VITEST_WORKER_ID",
  "TEST",
];

/** The environment as a shell would give it to a child `astro` command, without Vitest's additions. */
export function childEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV.includes(key)));
  return { ...clean, ASTRO_TELEMETRY_DISABLED: "1", ...extra };
}

/**
 * Runs `npm run build` (Astro's build, then the search index) into a fresh
 * temporary folder, with extra environment (another content folder, a base
 * path), as a user would from a shell.
 */
export function astroBuild(env: Record<string, string>): { status: number | null; output: string; outDir: string } {
  const outDir = mkdtempSync(join(tmpdir(), "handbook-build-"));
  const run = spawnSync("npm", ["run", "build"], {
    env: childEnv({ ...env, HANDBOOK_OUT_DIR: outDir }),
    encoding: "utf8",
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, outDir };
}
