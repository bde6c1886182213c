import { readFileSync } from "node:fs";
import { getCollection, type CollectionEntry } from "astro:content";
import { readConfig } from "../lib/config.ts";
import { excerpt } from "../lib/content/practice-parts.ts";
import {
  groupBy,
  groupBySubsection,
  industriesOf,
  namesakes,
  sortBySource,
  type SubsectionGroup,
} from "../lib/site/grouping.ts";
import { listPractices, parseSource, type SourceDocument } from "../lib/content/source.ts";

export interface Practice {
  id: string;
  title: string;
  source: string;
  sectionId: string;
  subsection: string;
  subsectionAnchor: string;
  /** Industry ids, own and recommended-by, in industry order. */
  industries: string[];
  related: string[];
  aliases: string[];
  /** Plain-text excerpt of the explanation. */
  excerpt: string;
  entry: CollectionEntry<"practices">;
}

export interface Section {
  id: string;
  title: string;
  summary: string;
  order: number;
  subsections: (SubsectionGroup<Practice> & { intro: string })[];
  practices: Practice[];
  entry: CollectionEntry<"sections">;
}

export interface Industry {
  id: string;
  title: string;
  summary: string;
  /** The industry's own practices (its `###` subsection). */
  own: Practice[];
  highlights: { practice: Practice; why: string }[];
  entry: CollectionEntry<"industries">;
}

export interface Handbook {
  source: SourceDocument;
  home: CollectionEntry<"home">;
  sections: Section[];
  industries: Industry[];
  /** Every practice in source order. */
  practices: Practice[];
  byId: Map<string, Practice>;
  namesakes: Map<string, Practice[]>;
}

async function load(): Promise<Handbook> {
  const source = parseSource(readFileSync(readConfig().sourceFile, "utf8"));
  const position = new Map(
    listPractices(source).map((p, i) => [`${p.section}\u0000${p.subsection}\u0000${p.title}`, i]),
  );
  const [homeEntries, sectionEntries, industryEntries, practiceEntries] = await Promise.all([
    getCollection("home"),
    getCollection("sections"),
    getCollection("industries"),
    getCollection("practices"),
  ]);
  const headingOf = new Map(sectionEntries.map((s) => [s.id, s.data.heading]));
  const industryData = industryEntries
    .sort((a, b) => a.data.order - b.data.order)
    .map((i) => ({ id: i.id, highlights: i.data.highlights.map((h) => ({ practice: h.practice.id })) }));

  const unsorted: Practice[] = practiceEntries.map((entry) => {
    const data = entry.data;
    const base = {
      id: data.id,
      title: data.title,
      section: data.section.id,
      subsection: data.subsection,
      industries: data.industries.map((i) => i.id),
    };
    return {
      id: data.id,
      title: data.title,
      source: data.source,
      sectionId: data.section.id,
      subsection: data.subsection,
      subsectionAnchor: "",
      industries: industriesOf(base, industryData),
      related: data.related,
      aliases: data.aliases,
      excerpt: excerpt(entry.body ?? ""),
      entry,
    };
  });
  const practices = sortBySource(
    unsorted.map((p) => ({ ...p, section: p.sectionId })),
    (p) =>
      position.get(`${headingOf.get(p.sectionId)}\u0000${p.subsection}\u0000${p.title}`) ?? Number.MAX_SAFE_INTEGER,
  );

  const bySection = groupBy(practices, (p) => p.sectionId);
  const sections: Section[] = sectionEntries
    .sort((a, b) => a.data.order - b.data.order)
    .map((entry) => {
      const own = bySection.get(entry.id) ?? [];
      const groups = groupBySubsection(entry.data.subsections, own).map((g, i) => ({
        ...g,
        intro: entry.data.subsections[i]!.intro,
      }));
      for (const group of groups) for (const p of group.practices) p.subsectionAnchor = group.anchor;
      return {
        id: entry.id,
        title: entry.data.title,
        summary: entry.data.summary,
        order: entry.data.order,
        subsections: groups,
        practices: own,
        entry,
      };
    });

  const byId = new Map(practices.map((p) => [p.id, p]));
  const industries: Industry[] = industryEntries.map((entry) => ({
    id: entry.id,
    title: entry.data.title,
    summary: entry.data.summary,
    own: practices.filter((p) => p.subsection === entry.data.subsection),
    highlights: entry.data.highlights.map((h) => ({ practice: byId.get(h.practice.id)!, why: h.why })),
    entry,
  }));

  const home = homeEntries[0];
  if (!home) throw new Error("content/home/ has no entry: add content/home/index.mdx with the Overview");
  return { source, home, sections, industries, practices, byId, namesakes: namesakes(practices) };
}

let cached: Promise<Handbook> | undefined;

/** The whole handbook, loaded and cross-linked once per build and shared by every page. */
export function getHandbook(): Promise<Handbook> {
  cached ??= load();
  return cached;
}
