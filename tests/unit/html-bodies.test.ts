import { describe, expect, it } from "vitest";
import type { LoaderContext } from "astro/loaders";

type DataEntry = Parameters<LoaderContext["store"]["set"]>[0];
import { htmlBodyStore } from "../../src/lib/content/html-bodies.ts";

/** The few store methods the wrapper uses, over a Map, recording module imports. */
function fakeStore() {
  const entries = new Map<string, DataEntry>();
  const moduleImports: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: DataEntry) => {
      if (entry.digest && entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => void entries.delete(id),
    has: (id: string) => entries.has(id),
    keys: () => [...entries.keys()],
    addModuleImport: (file: string) => void moduleImports.push(file),
  };
  return { entries, moduleImports, store: store as unknown as LoaderContext["store"] };
}

const config = { base: "/handbook/", root: new URL("file:///nowhere/") } as LoaderContext["config"];
const body = '## Why it matters\n\nSee [basics](/sections/basics/).\n\n<Message label="Note">\n\nHi\n\n</Message>\n';

describe("htmlBodyStore", () => {
  it("stores each entry with its body as HTML, and asks for no module per entry", () => {
    const { entries, moduleImports, store } = fakeStore();
    const wrapped = htmlBodyStore({ store, config }, { partHeadings: true });
    wrapped.set({ id: "a", data: {}, body, filePath: "content/practices/a.mdx", digest: "1", deferredRender: true });
    wrapped.addModuleImport("content/practices/a.mdx");
    const entry = entries.get("a")!;
    expect(entry.deferredRender).toBeUndefined();
    expect(entry.rendered!.html).toContain('<a href="/handbook/sections/basics/">');
    expect(entry.rendered!.html).toContain("data-pagefind-ignore");
    expect(entry.rendered!.metadata!.headings).toEqual([{ depth: 2, slug: "why-it-matters", text: "Why it matters" }]);
    expect(moduleImports).toEqual([]);
  });

  it("loads again an unchanged entry cached without its HTML by an earlier build", () => {
    const { entries, store } = fakeStore();
    store.set({ id: "a", data: {}, body, digest: "1", deferredRender: true });
    const wrapped = htmlBodyStore({ store, config }, {});
    // The glob loader skips entries it finds with the same digest; a stale one must not be found.
    expect(wrapped.get("a")).toBeUndefined();
    wrapped.set({ id: "a", data: {}, body, digest: "1", deferredRender: true });
    expect(entries.get("a")!.rendered!.html).toContain("<h2");
    expect(wrapped.get("a")).toBe(entries.get("a"));
  });

  it("fails the load with the file, the body's line and the fix", () => {
    const { store } = fakeStore();
    const wrapped = htmlBodyStore({ store, config }, {});
    expect(() =>
      wrapped.set({ id: "a", data: {}, body: "Text\n\n<Aside />\n", filePath: "content/practices/a.mdx" }),
    ).toThrow(
      /^content\/practices\/a\.mdx: <Aside> is not a component entries can use\n {4}fix: use <Message label="…">/,
    );
  });
});
