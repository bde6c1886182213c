import { defineConfig } from "vitest/config";

// Two projects: `unit` tests pure functions in src/lib and runs before the
// build; `site` reads the built dist/ and runs after it (see `npm test`).
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { test: { name: "site", include: ["tests/site/**/*.test.ts"], testTimeout: 120_000 } },
    ],
  },
});
