import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { astroBuild, childEnv } from "../support/astro-build.ts";

/** Builds the handbook from a broken copy of the content and returns what the build said. */
function buildWith(edit: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), "handbook-broken-"));
  cpSync("content", dir, { recursive: true });
  edit(dir);
  return astroBuild({ HANDBOOK_CONTENT_DIR: dir });
}

describe("the build fails on content mistakes", () => {
  it("an unknown frontmatter key stops the build, naming file, field and fix", () => {
    const result = buildWith((dir) => {
      const file = join(dir, "practices/be-genuine.mdx");
      writeFileSync(file, readFileSync(file, "utf8").replace("aliases:", "sumary: oops\naliases:"));
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("practices/be-genuine.mdx");
    expect(result.output).toContain('unknown frontmatter key "sumary"');
    expect(result.output).toContain("allowed keys:");
    // The check's report alone: not Astro's "unhandled error", a stack trace or a hint about browser APIs.
    expect(result.output).toContain("The build stopped before writing anything.");
    expect(result.output).not.toMatch(/unhandled error|\n\s+at .+:\d+:\d+|browser APIs/i);
  });

  it("a practice pointing at a section that does not exist stops the build", () => {
    const result = buildWith((dir) => {
      const file = join(dir, "practices/be-genuine.mdx");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace("section: networking-fundamentals", "section: fundamentals"),
      );
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('section "fundamentals" does not exist');
  });

  it("a change note dated in the future or without text stops the build before Astro, naming file, line and field", () => {
    const lines: Record<string, number> = {};
    const result = buildWith((dir) => {
      const edit = (name: string, from: RegExp, to: string) => {
        const file = join(dir, "practices", name);
        const text = readFileSync(file, "utf8").replace(from, to);
        writeFileSync(file, text);
        lines[name] = text.split("\n").findIndex((line) => line.includes(to.trim())) + 1;
      };
      edit("be-genuine.mdx", /  - date: \d{4}-\d{2}-\d{2}/, "  - date: 2999-01-01");
      edit("be-punctual.mdx", /    note: .*/, '    note: ""');
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      new RegExp(
        `practices/be-genuine\\.mdx:${lines["be-genuine.mdx"]} \\[changes\\.0\\.date\\]: the change note is dated 2999-01-01, which is after today`,
      ),
    );
    expect(result.output).toMatch(
      new RegExp(
        `practices/be-punctual\\.mdx:${lines["be-punctual.mdx"]} \\[changes\\.0\\.note\\]: the note has no text\\n\\s+fix: say in one sentence`,
      ),
    );
    expect(result.output).toContain("The build stopped before writing anything.");
    expect(result.output).not.toMatch(/unhandled error|\n\s+at .+:\d+:\d+|\[build\]/i);
  });

  // The check and the build read content with one reader: a file it would not build is refused, never skipped.
  it("a practice saved as .md stops the build, naming the file and the rename", () => {
    const result = buildWith((dir) => {
      const text = readFileSync(join(dir, "practices/be-genuine.mdx"), "utf8");
      writeFileSync(join(dir, "practices/extra.md"), text.replace("id: be-genuine", "id: extra"));
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/practices\/extra\.md: only \.mdx files are entries/);
    expect(result.output).toMatch(/fix: rename it to .*practices\/extra\.mdx/);
  });

  it("a practice in a subfolder stops the build, naming the file and where it belongs", () => {
    const result = buildWith((dir) => {
      const text = readFileSync(join(dir, "practices/be-genuine.mdx"), "utf8");
      mkdirSync(join(dir, "practices/drafts"));
      writeFileSync(join(dir, "practices/drafts/nested.mdx"), text.replace("id: be-genuine", "id: nested"));
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/practices\/drafts\/nested\.mdx: entries sit directly in/);
    expect(result.output).toMatch(/fix: move it to .*practices\/nested\.mdx/);
  });

  it("an output folder that is the content folder is refused before anything is written", () => {
    const dir = mkdtempSync(join(tmpdir(), "handbook-out-"));
    cpSync("content", dir, { recursive: true });
    const before = readdirSync(join(dir, "practices")).length;
    const run = spawnSync("npm", ["run", "build"], {
      env: childEnv({ HANDBOOK_CONTENT_DIR: dir, HANDBOOK_OUT_DIR: dir }),
      encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("HANDBOOK_OUT_DIR: the output folder");
    expect(run.stderr).toContain("is the content folder, and the build empties its output folder first");
    expect(readdirSync(join(dir, "practices"))).toHaveLength(before);
  });

  it("a SITE_URL that is not an http(s) address stops the build at once, naming the variable", () => {
    const run = spawnSync("npm", ["run", "build"], {
      env: childEnv({ SITE_URL: "javascript:alert(1)", HANDBOOK_OUT_DIR: mkdtempSync(join(tmpdir(), "handbook-x-")) }),
      encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('SITE_URL: "javascript:alert(1)" is not an http(s) address');
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
