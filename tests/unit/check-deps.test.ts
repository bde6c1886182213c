import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

type Manifest = Record<string, unknown> & {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Not code or configuration: left out of the copy (node_modules is linked instead). */
const SKIP = new Set([".git", ".astro", ".tmp", "content", "dist", "node_modules", "package.json", "test-results"]);

/** The project's code and configuration, copied with `edit` applied to its package.json. */
function projectCopy(edit: (manifest: Manifest) => void): string {
  const root = resolve(".");
  const copy = mkdtempSync(join(tmpdir(), "handbook-deps-"));
  for (const name of readdirSync(root).filter((name) => !SKIP.has(name)))
    cpSync(join(root, name), join(copy, name), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir");
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;
  edit(manifest);
  writeFileSync(join(copy, "package.json"), JSON.stringify(manifest, null, 2));
  return copy;
}

/** Runs `npm run check:deps` as `npm test` does. */
function checkDeps(cwd: string): { status: number | null; output: string } {
  const run = spawnSync("npm", ["run", "--silent", "check:deps"], { cwd, encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe("npm run check:deps", { timeout: 60_000 }, () => {
  it("passes when package.json lists every package the code imports", () => {
    const run = checkDeps(projectCopy(() => {}));
    expect(run.output).toBe("\n");
    expect(run.status).toBe(0);
  });

  it("fails naming the package and the file that imports it when package.json does not list it", () => {
    const run = checkDeps(
      projectCopy((manifest) => {
        delete manifest.dependencies["unified"];
      }),
    );
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/Unlisted dependencies[\s\S]*unified\s+src\/lib\/content\/body\.ts:\d+/);
  });

  it("counts type-only imports", () => {
    const run = checkDeps(
      projectCopy((manifest) => {
        delete manifest.devDependencies["vfile"];
      }),
    );
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/vfile\s+src\/lib\/content\/body\.ts:\d+/);
  });

  it("fails on a listed package that nothing imports", () => {
    const run = checkDeps(
      projectCopy((manifest) => {
        manifest.dependencies["left-pad"] = "^1.3.0";
      }),
    );
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/Unused dependencies[\s\S]*left-pad/);
  });
});
