import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { astroBuild, childEnv } from "../support/astro-build.ts";

/** A practice that is not in the handbook, added by the README's steps. */
const NEW = {
  id: "name-badges",
  title: "Name Badges",
  source: "Wear your name badge where people can read it",
  after: "- **Be Punctual**: Arrive on time for meetings and respond to messages promptly\n",
};

const ENTRY = `---
id: ${NEW.id}
title: ${NEW.title}
source: ${NEW.source}
section: networking-fundamentals
subsection: Professional Etiquette
questions:
  - "should I wear a name badge at a networking event?"
  - "where do I put my name tag so people can read it?"
related:
  - be-punctual
  - elevator-pitch
reviewed: 2026-11-30
---

## Why it matters

A badge read at a glance saves the other person from the small panic of a forgotten name, and it lets a
passer-by who recognizes your company start a conversation with you instead of walking on.

## How to do it

1. Clip the badge on your right side, near the shoulder: people shake right hands and look along that arm.
2. Write your first name large if the organizers leave room, and the company or field underneath it.
3. Move it above a lanyard's swing when you sit down, so it is not hidden under the table edge.

## Example

At a regional trade fair a buyer stops at a stand because the badge says "Ana · Cold-chain logistics",
the very problem her team is trying to solve this quarter. The conversation starts from the badge.

## Watch out for

- **A badge nobody can read.** It flips to its blank side on a cord, or the name is printed small: people squint at
  your chest and then ask your name. Clip it high on the right and write your first name large.
- **The badge left on in the hotel bar.** After the event it reads as a sales pitch, not an introduction; the sign is
  strangers opening with your employer's name. Take it off when the program ends.
`;

const run = (command: string, env: Record<string, string>) => {
  const result = spawnSync("npm", ["run", command], { env: childEnv(env), encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
};

describe("adding a practice by the README's steps", () => {
  it("a 167th practice passes the check, the build and the site tests", () => {
    const dir = mkdtempSync(join(tmpdir(), "handbook-new-practice-"));
    cpSync("content", dir, { recursive: true });
    const env = { HANDBOOK_CONTENT_DIR: dir };

    // 1. The bullet goes into the source document; 2. the check names it as uncovered.
    const sourceFile = join(dir, "source/networking-best-practices.md");
    const source = readFileSync(sourceFile, "utf8");
    expect(source).toContain(NEW.after);
    writeFileSync(sourceFile, source.replace(NEW.after, `${NEW.after}- **${NEW.title}**: ${NEW.source}\n`));
    const uncovered = run("check:coverage", env);
    expect(uncovered.status).toBe(1);
    expect(uncovered.output).toMatch(
      /networking-best-practices\.md:\d+ \[practice\]: - \*\*Name Badges\*\* has no entry/,
    );

    // 3. The entry file; 4. permalinks:update, then the checks, the build and the site tests.
    writeFileSync(join(dir, `practices/${NEW.id}.mdx`), ENTRY);
    const permalinks = run("permalinks:update", env);
    expect(permalinks.output).toContain("2 added");
    const covered = run("check:coverage", env);
    expect(covered.output).toContain("coverage: ok");
    const practices = /practices (\d+)\/(\d+)/.exec(covered.output)!;
    expect(practices[1]).toBe(practices[2]);

    const build = astroBuild(env);
    expect(build.status, build.output).toBe(0);
    expect(readdirSync(join(build.outDir, "practices"))).toContain(NEW.id);
    // Built without SITE_URL, as the README's steps do: the build says where its links point, and how to change it.
    if (!process.env["SITE_URL"])
      expect(build.output).toMatch(/SITE_URL is not set[^\n]*localhost[\s\S]*fix: .*SITE_URL=/);

    // The site tests that read a built site (not those that build one themselves), over this build.
    const siteTests = readdirSync("tests/site")
      .filter((f) => f.endsWith(".test.ts"))
      .filter((f) => !/\bastroBuild\b/.test(readFileSync(join("tests/site", f), "utf8")))
      .map((f) => `tests/site/${f}`);
    expect(siteTests.length).toBeGreaterThan(2);
    const site = spawnSync("npx", ["vitest", "run", "--project", "site", ...siteTests], {
      env: childEnv({ ...env, HANDBOOK_OUT_DIR: build.outDir }),
      encoding: "utf8",
    });
    expect(site.status, `${site.stdout}\n${site.stderr}`.slice(-3000)).toBe(0);
    expect(site.stdout.replace(/\x1b\[[0-9;]*m/g, "")).toMatch(/Tests\s+\d+ passed \(\d+\)/);
  }, 300_000);
});
