import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { PagefindModule } from "../../src/lib/search/pagefind-client.ts";

/**
 * The built site's own Pagefind (`<dist>/pagefind/pagefind.js`, the file the
 * browser imports), loaded in Node: its requests for the index are answered
 * from `dist`, so a search here runs the same WebAssembly over the same index
 * files as in the reader's browser. Returns an `importModule` for
 * pagefindClient. Node has one global fetch, so one built site at a time.
 */
export function builtPagefind(dist: string): (url: string) => Promise<PagefindModule> {
  const root = resolve(dist);
  const own = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), "http://site/");
    if (url.protocol === "file:" || url.hostname === "site") {
      const path =
        url.protocol === "file:" ? decodeURIComponent(url.pathname) : join(root, decodeURIComponent(url.pathname));
      try {
        return new Response(await readFile(path));
      } catch {
        return new Response("not found", { status: 404 });
      }
    }
    return own(input, init);
  };
  return () => import(pathToFileURL(join(root, "pagefind/pagefind.js")).href) as Promise<PagefindModule>;
}
