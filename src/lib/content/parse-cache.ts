/**
 * Parses each file once per process, however many module graphs read it.
 *
 * Astro loads the build's integrations and the content config as separate
 * module graphs, so a cache held in a module would exist twice and the
 * content check and the content loader would each parse every body. The
 * cache lives on `globalThis` instead, keyed by path and checked against the
 * file's text, so an edited file (in `astro dev`) is parsed again and an
 * unchanged one never is.
 */
const KEY = Symbol.for("networking-handbook.parse-cache");

type Cache = Map<string, { text: string; value: unknown }>;

function cache(): Cache {
  const holder = globalThis as { [KEY]?: Cache };
  return (holder[KEY] ??= new Map());
}

/** `parse()`'s result for this file's text, computed the first time this text is seen at this path. */
export function parsedOnce<T>(path: string, text: string, parse: () => T): T {
  const hit = cache().get(path);
  if (hit && hit.text === text) return hit.value as T;
  const value = parse();
  cache().set(path, { text, value });
  return value;
}

/** Lets a file's parse go once nothing will ask for it again (a build has rendered it). */
export function forget(path: string): void {
  cache().delete(path);
}
