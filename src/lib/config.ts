import { resolve } from "node:path";

/**
 * Build-time settings, read from the environment so the same code builds the
 * real handbook, a synthetic one for benchmarks, or one hosted under a subpath.
 */
export interface HandbookConfig {
  /** Absolute path of the content folder (`content/` by default; `HANDBOOK_CONTENT_DIR` overrides). */
  contentDir: string;
  /** Absolute path of the source document the content must cover. */
  sourceFile: string;
  /**
   * Absolute path the site is built into (`dist/` by default; `HANDBOOK_OUT_DIR`
   * overrides). Both steps of `npm run build` read it, so a test or benchmark
   * builds elsewhere with the very command a user runs.
   */
  outDir: string;
}

export function readConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): HandbookConfig {
  const contentDir = resolve(cwd, env.HANDBOOK_CONTENT_DIR || "content");
  return {
    contentDir,
    sourceFile: resolve(contentDir, "source", "networking-best-practices.md"),
    outDir: resolve(cwd, env.HANDBOOK_OUT_DIR || "dist"),
  };
}
