import { execFileSync } from "node:child_process";
import { basename, dirname } from "node:path";
import { parsePermalinkList } from "./permalinks.ts";

/**
 * The URLs added by a `git log -p` of the list. Diff headers (`+++ b/…`) are
 * not content, and header comments are dropped as `parsePermalinkList` does.
 */
export function addedPermalinks(log: string): string[] {
  const added = log
    .split("\n")
    .filter((line) => line.startsWith("+") && !/^\+\+\+ (?:[ab]\/|\/dev\/null)/.test(line))
    .map((line) => line.slice(1));
  return [...new Set(parsePermalinkList(added.join("\n")))];
}

/**
 * Every URL ever added to the list file in its repository's history, or
 * undefined when that history cannot be read in full: git missing, the file
 * outside a repository or never committed, or a shallow clone whose first
 * commit would pass for the list's beginning.
 */
export function readPermalinkHistory(file: string): string[] | undefined {
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dirname(file),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      // The history of a list of a few hundred lines can still run to megabytes over years of commits.
      maxBuffer: 1 << 30,
    });
  try {
    if (git("rev-parse", "--is-shallow-repository").trim() !== "false") return undefined;
    const log = git("log", "-p", "--format=", "--no-color", "--no-ext-diff", "--no-renames", "--", basename(file));
    return log.trim() ? addedPermalinks(log) : undefined;
  } catch {
    return undefined;
  }
}
