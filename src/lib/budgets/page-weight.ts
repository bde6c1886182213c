import { gzipSync } from "node:zlib";

/** Limits a reading page must stay within before any interaction. */
export interface Budget {
  /** Gzip bytes of everything loaded: HTML, CSS, JS, images, icons. */
  gzipBytes: number;
  /** Requests, the HTML itself included. */
  requests: number;
  /** Bytes of search code or index (anything under /pagefind/). Must stay 0 until the reader shows intent. */
  searchBytes: number;
  /**
   * Gzip bytes of what the browser fetches beside the page at low priority, never before it is
   * drawn or used: the favicon and the web app manifest. Cached across pages, so counted apart.
   */
  backgroundBytes: number;
}

/**
 * A reading page arrives in the first round trip: one request, and no more
 * bytes than a server's initial congestion window carries (10 segments of
 * 1460 B, 14600 B), less about 1.3 KB for the response headers. Longer pages
 * must fit too, so the room comes out of the page chrome, not the advice.
 */
export const READING_PAGE_BUDGET: Budget = { gzipBytes: 13 * 1024, requests: 1, searchBytes: 0, backgroundBytes: 2048 };

/**
 * /lists/ is an application, not a page to read: it carries what it needs to
 * show any list without another request, the titles, sections and one-liners
 * of every practice (about 7 KiB gzip for 166), and its script. Measured at
 * about 20 KiB in three requests (the HTML, its script, and the list storage
 * code it shares with search); the cap leaves room for the handbook to grow
 * by half again before this must be looked at, and no more.
 */
export const LISTS_PAGE_BUDGET: Budget = { ...READING_PAGE_BUDGET, gzipBytes: 24 * 1024, requests: 3 };

/**
 * /progress/ is an application too: every practice by section with its tick
 * (a page the size of the A–Z list), and the script that exports, imports and
 * clears ticks, with the storage code it shares with /lists/. Measured at
 * about 16 KiB in three requests; the cap leaves the same room to grow.
 */
export const PROGRESS_PAGE_BUDGET: Budget = { ...READING_PAGE_BUDGET, gzipBytes: 20 * 1024, requests: 3 };

/**
 * /changes/ lists every change note in the handbook, so it grows with the
 * handbook's history, not with a page's topic: about 18 KiB gzip for the 181
 * notes of the first rewrite, in one request like any reading page. Once the
 * log nears the cap, older years move to pages of their own (/changes/2026/)
 * rather than the cap being raised.
 */
export const CHANGES_PAGE_BUDGET: Budget = { ...READING_PAGE_BUDGET, gzipBytes: 24 * 1024 };

/**
 * /sources/ lists every source the handbook cites, once, with the pages that
 * cite each: it grows with the register, not with a page's topic (about 17 KiB
 * gzip for some 100 sources), so it has the change log's room in one request.
 * Past that, it splits by kind (/sources/studies/ …) rather than the cap being raised.
 */
export const SOURCES_PAGE_BUDGET: Budget = { ...READING_PAGE_BUDGET, gzipBytes: 24 * 1024 };

export interface Resource {
  url: string;
  kind: "html" | "css" | "js" | "image" | "font" | "other";
  /** Fetched at low priority beside the page (icons, the manifest): weighed apart from what the page needs. */
  background?: boolean;
}

export interface PageWeight {
  requests: number;
  gzipBytes: number;
  searchBytes: number;
  resources: (Resource & { gzipBytes: number })[];
  /** Gzip bytes of the background resources (see Budget.backgroundBytes). */
  backgroundBytes: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];

/**
 * The resources an HTML page makes the browser fetch on load: stylesheets,
 * scripts, eagerly loaded images, preloads, and in the background icons and
 * the web app manifest. Data URLs cost no request.
 */
export function resourcesOf(html: string): Resource[] {
  const found: Resource[] = [];
  for (const tag of html.match(/<(link|script|img)\b[^>]*>/gi) ?? []) {
    const name = tag.slice(1, tag.search(/[\s>]/)).toLowerCase();
    if (name === "link") {
      const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
      const href = attr(tag, "href");
      if (!href || href.startsWith("data:")) continue;
      if (rel.includes("stylesheet")) found.push({ url: href, kind: "css" });
      else if (rel.includes("modulepreload")) found.push({ url: href, kind: "js" });
      else if (rel.includes("preload")) found.push({ url: href, kind: "other" });
      else if (rel.includes("icon") || rel.includes("apple-touch-icon"))
        found.push({ url: href, kind: "image", background: true });
      else if (rel.includes("manifest")) found.push({ url: href, kind: "other", background: true });
    } else if (name === "script") {
      const src = attr(tag, "src");
      if (src) found.push({ url: src, kind: "js" });
    } else {
      const src = attr(tag, "src");
      if (src && !src.startsWith("data:") && attr(tag, "loading") !== "lazy") found.push({ url: src, kind: "image" });
    }
  }
  return found;
}

/** What a stylesheet or module script pulls in by itself: `url(…)` in CSS, static imports in JS. */
export function dependenciesOf(kind: Resource["kind"], text: string): Resource[] {
  if (kind === "css") {
    return [...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
      .map((m) => m[1]!)
      .filter((u) => !u.startsWith("data:") && !u.startsWith("#"))
      .map((url) => ({ url, kind: /\.(woff2?|ttf|otf)$/.test(url) ? "font" : "image" }));
  }
  if (kind === "js") {
    return [...text.matchAll(/(?:^|[;\s}])import\s*(?:[^"'()]*?from\s*)?["']([^"']+)["']/g)].map((m) => ({
      url: m[1]!,
      kind: "js" as const,
    }));
  }
  return [];
}

/**
 * Weighs a page as a browser loads it before any interaction: the HTML, then
 * every resource it and its stylesheets and scripts fetch, each once. `read`
 * returns a file's bytes for a site path, or undefined if it does not exist.
 */
export function weighPage(pagePath: string, html: string, read: (path: string) => Buffer | undefined): PageWeight {
  const resources: PageWeight["resources"] = [{ url: pagePath, kind: "html", gzipBytes: gzipSync(html).length }];
  const seen = new Set<string>([pagePath]);
  const queue = resourcesOf(html).map((r) => ({ ...r, url: new URL(r.url, `http://site${pagePath}`).pathname }));
  while (queue.length) {
    const resource = queue.shift()!;
    if (seen.has(resource.url)) continue;
    seen.add(resource.url);
    const bytes = read(resource.url);
    if (!bytes) throw new Error(`${pagePath} loads ${resource.url}, which is not in the build`);
    resources.push({ ...resource, gzipBytes: gzipSync(bytes).length });
    for (const dep of dependenciesOf(resource.kind, bytes.toString("utf8"))) {
      queue.push({ ...dep, url: new URL(dep.url, `http://site${resource.url}`).pathname });
    }
  }
  const sum = (list: typeof resources) => list.reduce((n, r) => n + r.gzipBytes, 0);
  const needed = resources.filter((r) => !r.background);
  return {
    requests: needed.length,
    gzipBytes: sum(needed),
    searchBytes: sum(needed.filter((r) => r.url.includes("/pagefind/"))),
    resources,
    backgroundBytes: sum(resources.filter((r) => r.background)),
  };
}

/** Each way a page breaks the budget, as a sentence. */
export function overBudget(weight: PageWeight, budget: Budget): string[] {
  const problems: string[] = [];
  if (weight.gzipBytes > budget.gzipBytes) problems.push(`${weight.gzipBytes} B gzip > ${budget.gzipBytes} B`);
  if (weight.requests > budget.requests) problems.push(`${weight.requests} requests > ${budget.requests}`);
  if (weight.searchBytes > budget.searchBytes) problems.push(`${weight.searchBytes} B of search code before intent`);
  if (weight.backgroundBytes > budget.backgroundBytes)
    problems.push(`${weight.backgroundBytes} B gzip in the background (icons, manifest) > ${budget.backgroundBytes} B`);
  return problems;
}
