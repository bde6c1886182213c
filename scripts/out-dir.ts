import { formatConfigProblem, outDirProblem, type HandbookConfig } from "../src/lib/config.ts";

/**
 * The build steps after Astro write into the output folder: its path, or an
 * exit with the reason when that folder is the content or the code.
 */
export function safeOutDir(config: HandbookConfig): string {
  const unsafe = outDirProblem(config);
  if (unsafe) {
    console.error(formatConfigProblem(unsafe));
    process.exit(1);
  }
  return config.outDir;
}
