import { defineConfig } from "vitest/config";

// `unit` tests pure functions in src/lib and runs before the build; `site`
// reads the built dist/ after it; `e2e` drives Chromium against dist/ served
// on a free port (see `npm test` and `npm run test:e2e`).
export default defineConfig({
  test: {
    projects: [
      {
        // Some unit tests read and parse the whole content folder (182 files); on a busy two-core
        // machine that outlasts Vitest's 5 s default. The timeout only catches a hang: speed is
        // measured by the benchmarks, never here.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 30_000 },
      },
      { test: { name: "site", include: ["tests/site/**/*.test.ts"], testTimeout: 120_000 } },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 60_000,
          // A cold search loads Pagefind's index; give polled assertions time on a small machine.
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 180_000,
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
