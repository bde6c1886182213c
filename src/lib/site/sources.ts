import { SOURCE_KINDS, type RegisterSource, type SourceKind } from "../content/source-register.ts";

/** A source as a page lists it under its body. */
export type CitedSource = Pick<RegisterSource, "key" | "title" | "publisher" | "url" | "year" | "kind">;

/** A page that cites sources, as the sources page links to it. */
export interface CitingPage {
  title: string;
  path: string;
  /** The keys the page cites, in its own order. */
  sources: readonly string[];
}

/** One kind of source on /sources/, with every source of that kind and the pages citing each. */
export interface SourceGroup {
  kind: SourceKind;
  /** The group's heading, e.g. "Peer-reviewed studies". */
  heading: string;
  sources: (RegisterSource & { pages: { title: string; path: string }[] })[];
}

const HEADINGS: Record<SourceKind, string> = {
  statute: "Statutes",
  regulation: "Regulations",
  "regulator guidance": "Regulators’ guidance",
  "platform help": "Platforms’ help centers",
  "peer-reviewed study": "Peer-reviewed studies",
  "public body": "Public bodies",
  "professional body": "Professional bodies",
  organization: "Organizations’ own pages",
  article: "Articles",
  book: "Books",
  news: "News",
};

/**
 * The keys a page cites, as the sources they name. The content check has
 * refused an unknown key before the build, so one here is a bug, not content.
 */
export function resolveSources(keys: readonly string[], byKey: ReadonlyMap<string, RegisterSource>): CitedSource[] {
  return keys.map((key) => {
    const source = byKey.get(key);
    if (!source) throw new Error(`the source "${key}" is not in the register; run npm run check:coverage`);
    const { title, publisher, url, year, kind } = source;
    return { key, title, publisher, url, year, kind };
  });
}

/**
 * /sources/ as groups by kind, in the register's order of kinds (rules
 * first, so the sources a reader acts on are found first), each source by
 * title with the pages that cite it in reading order.
 */
export function sourceGroups(sources: readonly RegisterSource[], pages: readonly CitingPage[]): SourceGroup[] {
  const citedBy = new Map<string, { title: string; path: string }[]>();
  for (const page of pages) {
    for (const key of new Set(page.sources)) {
      citedBy.set(key, [...(citedBy.get(key) ?? []), { title: page.title, path: page.path }]);
    }
  }
  return SOURCE_KINDS.map((kind) => ({
    kind,
    heading: HEADINGS[kind],
    sources: sources
      .filter((s) => s.kind === kind)
      .map((s) => ({ ...s, pages: citedBy.get(s.key) ?? [] }))
      .sort((a, b) => a.title.localeCompare(b.title, "en")),
  })).filter((group) => group.sources.length > 0);
}
