import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { serveStatic } from "../support/preview.ts";
import { astroBuild } from "../support/astro-build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The real built site. */
    siteUrl: string;
    /** A build of the content with one practice renamed, its old id kept as an alias. */
    aliasSiteUrl: string;
    /** A build of the content where practices' titles hold markup (HOSTILE_TITLES). */
    hostileSiteUrl: string;
    /** The site built for hosting under SITE_BASE (BASE_PATH), served there; and its folder. */
    baseSiteUrl: string;
    baseSiteDir: string;
  }
}

/** The base path the hosted-under-a-subpath build is made for. */
export const BASE_PATH = "/handbook";

/** The rename the alias tests exercise: a practice whose id changed after it was shared. */
export const RENAMED = { from: "be-genuine", to: "be-genuine-renamed", section: "networking-fundamentals" };

function buildRenamedCopy(): string {
  const content = mkdtempSync(join(tmpdir(), "handbook-alias-"));
  cpSync("content", content, { recursive: true });
  // Rename as an author would: the new id, the old one kept as an alias, and
  // the other practices' `related` lists pointed at the new id.
  for (const name of readdirSync(join(content, "practices"))) {
    const file = join(content, "practices", name);
    let text = readFileSync(file, "utf8").replace(`\n  - ${RENAMED.from}\n`, `\n  - ${RENAMED.to}\n`);
    if (name === `${RENAMED.from}.mdx`) {
      text = text
        .replace(`id: ${RENAMED.from}`, `id: ${RENAMED.to}`)
        .replace("aliases: []", `aliases:\n  - ${RENAMED.from}`);
    }
    writeFileSync(file, text);
  }
  const run = astroBuild({ HANDBOOK_CONTENT_DIR: content });
  if (run.status !== 0) throw new Error(`building the renamed copy failed:\n${run.output}`);
  return run.outDir;
}

/**
 * Practices whose titles hold markup, in the frontmatter and in the source
 * bullet alike (the coverage check wants them verbatim): a tag that would
 * swallow the page's next script, and an attempt to close <title> and run one.
 */
export const HOSTILE_TITLES = [
  { id: "active-membership", from: "Active Membership", to: "Active Membership <script>" },
  {
    id: "committee-participation",
    from: "Committee Participation",
    to: "Committee Participation </title><script>alert(1)</script>",
  },
];

function buildHostileCopy(): string {
  const content = mkdtempSync(join(tmpdir(), "handbook-hostile-"));
  cpSync("content", content, { recursive: true });
  const sourceFile = join(content, "source", "networking-best-practices.md");
  let source = readFileSync(sourceFile, "utf8");
  for (const { id, from, to } of HOSTILE_TITLES) {
    source = source.replace(`- **${from}**:`, `- **${to}**:`);
    const file = join(content, "practices", `${id}.mdx`);
    writeFileSync(file, readFileSync(file, "utf8").replace(`title: ${from}\n`, `title: ${JSON.stringify(to)}\n`));
  }
  writeFileSync(sourceFile, source);
  const run = astroBuild({ HANDBOOK_CONTENT_DIR: content });
  if (run.status !== 0) throw new Error(`building the copy with hostile titles failed:\n${run.output}`);
  return run.outDir;
}

export default async function setup(project: TestProject) {
  const dist = resolve("dist");
  if (!existsSync(join(dist, "index.html")))
    throw new Error("dist/ is missing: run npm run build before the e2e tests");
  const site = await serveStatic(dist);
  const alias = await serveStatic(buildRenamedCopy());
  const hostile = await serveStatic(buildHostileCopy());
  const baseBuild = astroBuild({ SITE_BASE: BASE_PATH });
  if (baseBuild.status !== 0) throw new Error(`building under ${BASE_PATH} failed:\n${baseBuild.output}`);
  const based = await serveStatic(baseBuild.outDir, BASE_PATH);
  project.provide("siteUrl", site.url);
  project.provide("aliasSiteUrl", alias.url);
  project.provide("hostileSiteUrl", hostile.url);
  project.provide("baseSiteUrl", based.url);
  project.provide("baseSiteDir", baseBuild.outDir);
  return async () => {
    await Promise.all([site.server.stop(), alias.server.stop(), hostile.server.stop(), based.server.stop()]);
  };
}
