import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { BodyError, renderBody, type BodyOptions } from "./body.ts";

/**
 * Wraps a loader of MDX files (Astro's `glob`) so that each entry's body is
 * turned into HTML as it loads and kept with the entry (`entry.rendered`).
 *
 * Why: left alone, Astro compiles every MDX entry into a module of its own and
 * bundles them all for the build, which costs about half a megabyte of memory
 * per entry; at 16,600 practices that is more than a 4 GiB machine has. Bodies
 * here are Markdown plus one component (`<Message>`), so HTML made once is
 * enough, and the page sets each message in its component (`Body.astro`).
 *
 * The glob loader keeps doing what it does well: finding files, ids, digests,
 * schema validation and, in `astro dev`, watching for edits.
 */
export function withHtmlBodies(loader: Loader, options: Omit<BodyOptions, "base"> = {}): Loader {
  return {
    ...loader,
    name: `${loader.name}+html-bodies`,
    load: (context) => loader.load({ ...context, store: htmlBodyStore(context, options) }),
  };
}

type Store = LoaderContext["store"];

/** The loader's store, rendering each body as it is set and never asking for a module per entry. */
export function htmlBodyStore(
  context: Pick<LoaderContext, "store" | "config">,
  options: Omit<BodyOptions, "base">,
): Store {
  const { store, config } = context;
  const base = config.base;
  // An entry cached by a build that deferred its rendering has no HTML: load it again.
  const stale = (id: string) => {
    const entry = store.get(id);
    return entry !== undefined && entry.rendered === undefined;
  };
  return {
    ...store,
    get: (id) => (stale(id) ? undefined : store.get(id)),
    set: (entry) => {
      const { deferredRender: _deferred, ...rest } = entry;
      let rendered;
      try {
        rendered = renderBody(entry.body ?? "", { ...options, base });
      } catch (error) {
        if (!(error instanceof BodyError)) throw error;
        throw new Error(
          `${entry.filePath ?? entry.id}${lineInFile(config.root, entry, error)}: ${error.reason}\n    fix: ${error.fix}`,
        );
      }
      if (stale(entry.id)) store.delete(entry.id);
      return store.set({ ...rest, rendered: { html: rendered.html, metadata: { headings: rendered.headings } } });
    },
    addModuleImport: () => {},
  };
}

/** `:line` in the whole file (frontmatter included) for a body error, when the file can be read. */
function lineInFile(root: URL, entry: { filePath?: string | undefined; body?: string | undefined }, error: BodyError) {
  if (!error.line || !entry.filePath) return "";
  try {
    const text = readFileSync(resolve(fileURLToPath(root), entry.filePath), "utf8");
    const bodyStart = text.length - (entry.body ?? "").length;
    return `:${text.slice(0, bodyStart).split("\n").length - 1 + error.line}`;
  } catch {
    return "";
  }
}
