import { relative } from "node:path";
import type { Plugin } from "vite";

const QUERY = "?lazy-chunk";
const PREFIX = "\0lazy-chunk:";

/**
 * `import url from "./module.ts?lazy-chunk"` bundles the module with Vite as
 * a chunk of its own and gives its URL, for a page script to `import(url)`
 * only when the reader needs it.
 *
 * A plain `import("./module.ts")` would make Vite add the module as a dynamic
 * import of the page's script, and Astro only inlines scripts that import
 * nothing, statically or dynamically (astro/dist/core/build/plugins/plugin-scripts.js):
 * every reading page would then make a request for its script. An emitted
 * chunk is no import of the page script, so the script stays inline, and the
 * chunk is still built, hashed and minified with the rest of the client
 * build. The URL is absolute (with the base path) because an inline script
 * has no `import.meta.url` of its own to resolve against.
 */
export function lazyChunk(): Plugin {
  let base = "/";
  let root = process.cwd();
  let serve = false;
  const references = new Set<string>();
  return {
    name: "handbook:lazy-chunk",
    enforce: "pre",
    configResolved(config) {
      base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      root = config.root;
      serve = config.command === "serve";
    },
    async resolveId(source, importer) {
      if (!source.endsWith(QUERY)) return null;
      const resolved = await this.resolve(source.slice(0, -QUERY.length), importer, { skipSelf: true });
      if (!resolved) throw new Error(`lazy-chunk: cannot resolve ${source} from ${importer}`);
      return `${PREFIX}${resolved.id}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const module = id.slice(PREFIX.length);
      // The dev server serves every source module at its path from the project root.
      if (serve) return `export default ${JSON.stringify(`${base}${relative(root, module).split("\\").join("/")}`)};`;
      const reference = this.emitFile({ type: "chunk", id: module, preserveSignature: "strict" });
      references.add(reference);
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
    resolveFileUrl({ referenceId, fileName }) {
      return references.has(referenceId) ? JSON.stringify(`${base}${fileName}`) : null;
    },
  };
}
