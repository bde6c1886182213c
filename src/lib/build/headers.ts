/** Where the site is served from, as the build resolved it. */
export interface HeadersSite {
  /** Astro's `base`: `/` or a subpath such as `/handbook`, with or without a trailing slash. */
  base: string;
  /** Astro's `build.assets`: the folder of content-hashed scripts and styles (`_astro`). */
  assets: string;
}

/**
 * The `_headers` file for hosts that read one (Netlify, Cloudflare Pages):
 * the response headers a <meta> policy cannot set, for every path the site
 * is served under. Paths include the base path, or the rules would match
 * nothing when the handbook lives under a subpath.
 */
export function headersFile({ base, assets }: HeadersSite): string {
  const root = base.endsWith("/") ? base : `${base}/`;
  return `# Response headers for static hosts that read a _headers file (Netlify,
# Cloudflare Pages and others), made by the build for base path ${root}.
# Each page also carries its own Content Security Policy in a <meta> tag, with
# the hash of every inline script; the header below adds what a <meta> policy
# cannot: refusing to be framed. Strict-Transport-Security only takes effect
# over HTTPS, where it keeps browsers from ever asking for the site over plain
# HTTP again; it covers the whole host, so add includeSubDomains only if every
# subdomain serves HTTPS.
${root}*
  Content-Security-Policy: frame-ancestors 'none'
  X-Frame-Options: DENY
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=()
  Cross-Origin-Opener-Policy: same-origin
  Strict-Transport-Security: max-age=31536000

# The search index and the practice list change with each build and keep their names.
${root}pagefind/*
  Cache-Control: public, max-age=0, must-revalidate
${root}search/ui.json
  Cache-Control: public, max-age=0, must-revalidate

# The change log's feed is Atom: feed readers go by the type, and hosts serve .xml as plain XML.
${root}changes.xml
  Content-Type: application/atom+xml; charset=utf-8

# Scripts and styles are named by their content hash: a changed file gets a new name.
${root}${assets}/*
  Cache-Control: public, max-age=31536000, immutable
`;
}
