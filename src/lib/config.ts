import { dirname, relative, resolve, sep } from "node:path";

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

/** A setting that cannot be used, said so that whoever set it can fix it. */
export interface ConfigProblem {
  /** The environment variable at fault. */
  variable: string;
  message: string;
  fix: string;
}

/** `a` is `b` or lies inside it. */
const within = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);

/**
 * Why the output folder is unsafe, if it is. Astro empties the output folder
 * before it writes, so a build into the content, the source, the code or the
 * project itself would delete it: refused before anything is written.
 */
export function outDirProblem(config: HandbookConfig, root = process.cwd()): ConfigProblem | undefined {
  const out = config.outDir;
  const guarded = [
    ["the project folder", resolve(root)],
    ["the content folder", config.contentDir],
    ["the source document's folder", dirname(config.sourceFile)],
    ["src/", resolve(root, "src")],
    ["public/", resolve(root, "public")],
  ] as const;
  for (const [name, folder] of guarded) {
    // Inside the project is where dist/ belongs; only the project folder itself is refused there.
    const clash = folder === resolve(root) ? out === folder : within(out, folder) || within(folder, out);
    if (clash) {
      return {
        variable: "HANDBOOK_OUT_DIR",
        message: `the output folder ${relative(root, out) || "."} ${out === folder ? "is" : within(out, folder) ? "is inside" : "contains"} ${name}, and the build empties its output folder first`,
        fix: "build into a folder of its own, such as dist/ (the default) or a folder outside the project",
      };
    }
  }
  return undefined;
}

/** Characters a base path may hold as written (RFC 3986 path characters, and %-escapes). */
const PATH_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

/**
 * The public origin and base path (`SITE_URL`, `SITE_BASE`), checked: every
 * canonical link, preview and copied link is built from them, so a value a
 * browser would read differently is refused rather than published.
 */
export function readSite(env: Record<string, string | undefined> = process.env): {
  site: string;
  base: string;
  problems: ConfigProblem[];
} {
  const site = env.SITE_URL || "http://localhost:4321";
  const base = env.SITE_BASE || "/";
  const problems: ConfigProblem[] = [];
  let url: URL | undefined;
  try {
    url = new URL(site);
  } catch {
    problems.push({
      variable: "SITE_URL",
      message: `"${site}" is not a URL`,
      fix: "set it to the site's public origin, e.g. SITE_URL=https://handbook.example.org",
    });
  }
  if (url && url.protocol !== "https:" && url.protocol !== "http:") {
    problems.push({
      variable: "SITE_URL",
      message: `"${site}" is not an http(s) address`,
      fix: "set it to the site's public origin, e.g. SITE_URL=https://handbook.example.org",
    });
  } else if (url && (url.pathname !== "/" || url.search || url.hash)) {
    problems.push({
      variable: "SITE_URL",
      message: `"${site}" has a path, query or fragment, which links would silently drop`,
      fix: `give the origin only (SITE_URL=${url.origin}) and the path as SITE_BASE=${url.pathname.replace(/\/$/, "") || "/"}`,
    });
  }
  if (!base.startsWith("/") || !PATH_CHARS.test(base) || base.includes("//")) {
    problems.push({
      variable: "SITE_BASE",
      message: `"${base}" is not a path that links can carry as written`,
      fix: "start it with / and use letters, digits, - . _ ~ and / only, e.g. SITE_BASE=/handbook",
    });
  }
  return { site, base, problems };
}

/**
 * What a build without `SITE_URL` must say: it works, but every canonical URL,
 * link preview (`og:url`, `og:image`) and sitemap entry names localhost, which
 * is a dead link once the site is deployed. (Copied, shared and printed links
 * do not depend on it: the browser gives them the address the page came from.)
 */
export function siteUrlNotice(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.SITE_URL) return undefined;
  const { site, base } = readSite(env);
  return [
    `SITE_URL is not set: canonical URLs, link previews and the sitemap point at ${new URL(base, site).href}, which works only on this machine.`,
    "    fix: build with the address the site is served from, e.g. SITE_URL=https://handbook.example.org npm run build (and SITE_BASE=/path if it lives under one)",
  ].join("\n");
}

/** One line a problem, for the terminal. */
export function formatConfigProblem(problem: ConfigProblem): string {
  return `${problem.variable}: ${problem.message}\n    fix: ${problem.fix}`;
}
