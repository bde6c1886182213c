/** The URL of a module bundled as a chunk of its own, for `import()` on demand (src/integrations/lazy-chunk.ts). */
declare module "*?lazy-chunk" {
  const url: string;
  export default url;
}

/** For plain `tsc`, which cannot read .astro files (`astro check` types them from their `Props`). */
declare module "*.astro" {
  const component: import("astro/runtime/server/index.js").AstroComponentFactory;
  export default component;
}

interface ImportMetaEnv {
  /** The build's version (src/lib/build/version.ts), set in astro.config.mjs. */
  readonly HANDBOOK_VERSION: string;
}
