import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { childEnv } from "../support/astro-build.ts";

/**
 * Each editorial rule, broken once in a copy of the real content, as an
 * author would break it: `npm run check:coverage` must fail and say where,
 * which field and how to fix it.
 */
function checkWith(edit: (file: (path: string, change: (text: string) => string) => number | undefined) => void) {
  const dir = mkdtempSync(join(tmpdir(), "handbook-editorial-"));
  cpSync("content", dir, { recursive: true });
  let line: number | undefined;
  edit((path, change) => {
    const file = join(dir, path);
    const before = readFileSync(file, "utf8");
    const after = change(before);
    writeFileSync(file, after);
    // The first line that differs, so a test can expect the problem at that line.
    const a = before.split("\n");
    const index = after.split("\n").findIndex((l, i) => l !== a[i]);
    line = index === -1 ? undefined : index + 1;
    return line;
  });
  const run = spawnSync("npm", ["run", "check:coverage", "--", "--content", dir], {
    encoding: "utf8",
    env: childEnv(),
  });
  rmSync(dir, { recursive: true, force: true });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const body = (text: string, add: string) => text.replace("\n## How to do it", `${add}\n\n## How to do it`);

describe("npm run check:coverage enforces the editorial standard", () => {
  it("the content as committed passes", () => {
    const { status, output } = checkWith(() => {});
    expect(output).toContain("coverage: ok");
    expect(status).toBe(0);
  });

  it("a British spelling: the word, its line and the American form", () => {
    let line: number | undefined;
    const { status, output } = checkWith((edit) => {
      line = edit("practices/professional-email.mdx", (t) => body(t, "\nWe organised a test."));
    });
    expect(status).toBe(1);
    expect(output).toContain(`professional-email.mdx:${line} [body]: "organised" is British spelling`);
    expect(output).toContain('fix: write "organized"');
  });

  it("a LinkedIn invitation note over 200 characters", () => {
    const { status, output } = checkWith((edit) => {
      edit("practices/personalized-connections.mdx", (t) =>
        t.replace(
          "and would like to follow your work.",
          "and would like to follow your work, and to hear what you are planning next year.",
        ),
      );
    });
    expect(status).toBe(1);
    expect(output).toMatch(
      /personalized-connections\.mdx:\d+ \[body\]: the linkedin-invitation message "Connection request after a webinar" has 2\d\d characters; the channel allows 200/,
    );
    expect(output).toContain("fix: cut it to 200 characters or fewer");
  });

  it("a message that reads like a LinkedIn invitation must say so", () => {
    const { status, output } = checkWith((edit) => {
      edit("practices/personalized-connections.mdx", (t) => t.replace(' channel="linkedin-invitation"', ""));
    });
    expect(status).toBe(1);
    expect(output).toContain("reads like a LinkedIn invitation but names no channel");
    expect(output).toContain('fix: add channel="linkedin-invitation"');
  });

  it("a given name on more than three reviewed pages", () => {
    const { status, output } = checkWith((edit) => {
      for (const page of [
        "personalized-connections",
        "professional-email",
        "online-platforms",
        "cultural-sensitivity-professional-standards",
      ]) {
        edit(`practices/${page}.mdx`, (t) => body(t, "\nHalima sent a note the next morning."));
      }
    });
    expect(status).toBe(1);
    expect(output).toMatch(/online-platforms\.mdx:\d+ \[body\]: "Halima" plays a person on 4 pages/);
    expect(output).toContain("fix: give this page's person a name no other page uses");
  });

  it("a stock phrase over its cap", () => {
    const { status, output } = checkWith((edit) => {
      edit("practices/professional-email.mdx", (t) => body(t, "\nIt is important to choose well."));
    });
    expect(status).toBe(1);
    expect(output).toMatch(
      /professional-email\.mdx:\d+ \[body\]: it is important to is on 1 page; the handbook allows it on 0/,
    );
    expect(output).toContain("fix: say the specific thing instead");
  });

  it("two practices that share a title and read alike", () => {
    const { status, output } = checkWith((edit) => {
      const other = readFileSync("content/practices/cultural-sensitivity-interpersonal-skills.mdx", "utf8");
      const otherBody = other.slice(other.indexOf("\n---\n", 4) + 5);
      edit(
        "practices/cultural-sensitivity-professional-standards.mdx",
        (t) => t.slice(0, t.indexOf("\n---\n", 4) + 5) + otherBody,
      );
    });
    expect(status).toBe(1);
    expect(output).toMatch(
      /cultural-sensitivity-professional-standards\.mdx:\d+ \[body\]: this page and "Cultural Sensitivity" in Interpersonal Skills \(cultural-sensitivity-interpersonal-skills\) read alike: similarity 1\.00, limit 0\.3/,
    );
    expect(output).toContain("fix: write this page from its own section's angle (Professional Standards)");
  });

  it("a page citing a key the register does not have", () => {
    let line: number | undefined;
    const { status, output } = checkWith((edit) => {
      line = edit("practices/network-expansion.mdx", (t) =>
        t.replace("  - rajkumar-2022-weak-ties\n", "  - rajkumar-2022-weak-tie\n"),
      );
    });
    expect(status).toBe(1);
    expect(output).toContain(`network-expansion.mdx:${line} [sources.0]: "rajkumar-2022-weak-tie" is not a source in `);
    expect(output).toMatch(/fix: use a key from .*sources\.yaml \(rajkumar-2022-weak-ties/);
  });

  it("a register entry missing a field, and a rule cited from a copy", () => {
    let line: number | undefined;
    const { status, output } = checkWith((edit) => {
      edit("sources.yaml", (t) => t.replace(/(- key: rajkumar-2022-weak-ties\n(?:.*\n){5})  checked: .*\n/, "$1"));
      line = edit("sources.yaml", (t) =>
        t.replace(
          "url: https://www.legislation.gov.uk/ukpga/2010/23/contents",
          "url: https://www.example-law-firm.com/bribery-act",
        ),
      );
    });
    expect(status).toBe(1);
    expect(output).toMatch(/sources\.yaml:\d+ \[checked\]: required field "checked" is missing/);
    expect(output).toContain(
      `sources.yaml:${line} [url]: a statute source must be cited at its official address, and www.example-law-firm.com is not one`,
    );
    expect(output).toContain("fix: cite the lawmaker's or regulator's own text");
  });

  it("a study cited on a fourth page", () => {
    const { status, output } = checkWith((edit) => {
      edit("practices/be-consistent.mdx", (t) =>
        /^sources:/m.test(t)
          ? t.replace(/^sources:\n/m, "sources:\n  - rajkumar-2022-weak-ties\n")
          : t.replace(/^changes:/m, "sources:\n  - rajkumar-2022-weak-ties\nchanges:"),
      );
    });
    expect(status).toBe(1);
    expect(output).toMatch(
      /sources\.yaml:\d+ \[key\]: the peer-reviewed study "rajkumar-2022-weak-ties" is cited on 4 pages \(.*be-consistent.*\); at most 3/,
    );
  });

  it("a practice with one pitfall", () => {
    const { status, output } = checkWith((edit) => {
      edit("practices/arrive-early.mdx", (t) => t.replace(/(## Watch out for\n\n- .*\n)(?:- .*\n?)+/, "$1"));
    });
    expect(status).toBe(1);
    expect(output).toMatch(/arrive-early\.mdx:\d+ \[body\]: "Watch out for" lists 1 pitfall/);
  });

  it("a review date in the future", () => {
    let line: number | undefined;
    const { status, output } = checkWith((edit) => {
      line = edit("practices/online-platforms.mdx", (t) => t.replace(/^reviewed: .*$/m, "reviewed: 2999-01-01"));
    });
    expect(status).toBe(1);
    expect(output).toMatch(
      new RegExp(
        `online-platforms\\.mdx:${line} \\[reviewed\\]: the page says it was reviewed on 2999-01-01, which is after today`,
      ),
    );
    expect(output).toContain("fix: give the day the review really happened");
  });

  it("a practice with no review date that is not waiting for review", () => {
    const { status, output } = checkWith((edit) => {
      edit("practices/online-platforms.mdx", (t) => t.replace(/^reviewed: .*\n/m, ""));
    });
    expect(status).toBe(1);
    expect(output).toContain("online-platforms.mdx [reviewed]: the practice has no reviewed date");
    expect(output).toContain("fix: review it against content/EDITORIAL.md and add reviewed:");
  });

  it("the list of practices waiting for review only shrinks", () => {
    const { status, output } = checkWith((edit) => {
      edit("editorial-pending.txt", (t) => `${t}no-such-practice\nonline-platforms\n`);
    });
    expect(status).toBe(1);
    expect(output).toMatch(/editorial-pending\.txt:\d+: "no-such-practice" is not a practice id/);
    expect(output).toContain('"online-platforms" is listed as waiting for review but was reviewed on');
    expect(output).toContain('fix: remove the line "online-platforms"');
  });

  it("a finding or a figure on a page without sources", () => {
    const { status, output } = checkWith((edit) => {
      edit("practices/professional-email.mdx", (t) => body(t, "\nA 2019 survey found that recruiters skim addresses."));
    });
    expect(status).toBe(1);
    expect(output).toMatch(
      /professional-email\.mdx:\d+ \[sources\]: the body states a finding or a figure \("A 2019 survey found"\)/,
    );
    expect(output).toContain("fix: add the study or page it comes from to sources");
  });
});
