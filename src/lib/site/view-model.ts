import type { ChangeNote } from "../content/schemas.ts";
import { listPractices, type SourceDocument } from "../content/source.ts";
import { groupBy, groupBySubsection, industriesOf, namesakes, neighbours, sortBySource } from "./grouping.ts";

/**
 * The handbook as pages show it, built from the entries by one pure
 * function: every cross-reference a page needs (a practice's section title,
 * its neighbours, its related practices, its industries) is resolved here
 * once, so pages hold no lookups. `E` is whatever the caller attaches to each
 * item (Astro's collection entry, for rendering its body), carried through.
 */

/** A practice entry's fields as the view model reads them: references as plain ids. */
export interface PracticeInput<E> {
  id: string;
  title: string;
  source: string;
  section: string;
  subsection: string;
  industries: string[];
  related: string[];
  aliases: string[];
  /** Plain-text excerpt of the body. */
  excerpt: string;
  /** Questions a reader would type that the page answers; none when left out. */
  questions?: string[];
  /** What changed for a returning reader, newest first; none when left out. */
  changes?: ChangeNote[];
  entry: E;
}

export interface SectionInput<E> {
  id: string;
  title: string;
  /** The source's `##` heading. */
  heading: string;
  summary: string;
  order: number;
  subsections: { title: string; intro: string }[];
  changes?: ChangeNote[];
  entry: E;
}

export interface IndustryInput<E> {
  id: string;
  title: string;
  /** The source's `### … Industry` heading: the industry's own practices sit under it. */
  subsection: string;
  order: number;
  summary: string;
  highlights: { practice: string; why: string }[];
  changes?: ChangeNote[];
  entry: E;
}

export interface HandbookInput<E> {
  source: SourceDocument;
  home: E;
  sections: SectionInput<E>[];
  industries: IndustryInput<E>[];
  practices: PracticeInput<E>[];
}

/** A page a practice links to, with what its link shows. */
export interface Link {
  id: string;
  title: string;
}

export interface Practice<E> {
  id: string;
  title: string;
  source: string;
  excerpt: string;
  /** Questions a reader would type that the page answers, shown under "Answers". */
  questions: string[];
  aliases: string[];
  /** The section's id and title. */
  sectionId: string;
  sectionTitle: string;
  subsection: string;
  /** The subsection's anchor on the section page. */
  subsectionAnchor: string;
  /** Industry ids, own and recommended-by, in industry order. */
  industries: string[];
  /** The same industries with their titles, for links. */
  industryLinks: Link[];
  /** Related ids as the entry lists them. */
  related: string[];
  /** Other practices with the same title, in source order. */
  namesakes: Practice<E>[];
  /** Related practices to read next, best first, namesakes excluded (they are listed on their own). */
  readNext: Practice<E>[];
  /**
   * The previous and next practice in reading order: the sections in order,
   * each subsection in turn, so the last practice of a subsection leads on to
   * the next subsection, and the last of a section to the next section.
   */
  prev: Practice<E> | undefined;
  next: Practice<E> | undefined;
  /** What changed for a returning reader, newest first. */
  changes: ChangeNote[];
  entry: E;
}

export interface Subsection<E> {
  title: string;
  anchor: string;
  intro: string;
  practices: Practice<E>[];
}

export interface Section<E> {
  id: string;
  title: string;
  summary: string;
  order: number;
  subsections: Subsection<E>[];
  practices: Practice<E>[];
  prev: Section<E> | undefined;
  next: Section<E> | undefined;
  changes: ChangeNote[];
  entry: E;
}

export interface Industry<E> {
  id: string;
  title: string;
  summary: string;
  /** The industry's own practices (its `###` subsection), in source order. */
  own: Practice<E>[];
  /** Practices it recommends, each with why. */
  highlights: { practice: Practice<E>; why: string }[];
  changes: ChangeNote[];
  entry: E;
}

export interface Handbook<E> {
  home: E;
  sections: Section<E>[];
  industries: Industry<E>[];
  /** Every practice in source order. */
  practices: Practice<E>[];
}

/** The key a practice and its source bullet share. */
const bulletKey = (heading: string, subsection: string, title: string) => `${heading}\u0000${subsection}\u0000${title}`;

/**
 * Builds the view model. The content check has run before (every reference
 * resolves, every practice covers one bullet), so a reference that does not
 * resolve here is a bug, reported by throwing rather than by a page with a gap.
 */
export function buildHandbook<E>(input: HandbookInput<E>): Handbook<E> {
  const position = new Map(listPractices(input.source).map((p, i) => [bulletKey(p.section, p.subsection, p.title), i]));
  const sectionInputs = [...input.sections].sort((a, b) => a.order - b.order);
  const industryInputs = [...input.industries].sort((a, b) => a.order - b.order);
  const sectionById = new Map(sectionInputs.map((s) => [s.id, s]));
  const industryTitle = new Map(industryInputs.map((i) => [i.id, i.title]));
  const highlightsBy = industryInputs.map((i) => ({
    id: i.id,
    highlights: i.highlights.map((h) => ({ practice: h.practice })),
  }));
  const sectionOf = (id: string) => {
    const section = sectionById.get(id);
    if (!section) throw new Error(`view model: practice refers to unknown section "${id}"`);
    return section;
  };

  const unsorted: Practice<E>[] = input.practices.map((p) => {
    const industries = industriesOf(p, highlightsBy);
    return {
      id: p.id,
      title: p.title,
      source: p.source,
      excerpt: p.excerpt,
      questions: p.questions ?? [],
      aliases: p.aliases,
      sectionId: p.section,
      sectionTitle: sectionOf(p.section).title,
      subsection: p.subsection,
      subsectionAnchor: "",
      industries,
      industryLinks: industries.map((id) => ({ id, title: industryTitle.get(id)! })),
      related: p.related,
      namesakes: [],
      readNext: [],
      prev: undefined,
      next: undefined,
      changes: p.changes ?? [],
      entry: p.entry,
    };
  });
  const practices = sortBySource(
    unsorted,
    (p) => position.get(bulletKey(sectionOf(p.sectionId).heading, p.subsection, p.title)) ?? Number.MAX_SAFE_INTEGER,
  );
  // Cross-references point at the objects in `practices`, so they are wired after sorting.
  const byId = new Map(practices.map((p) => [p.id, p]));
  const resolve = (id: string) => {
    const practice = byId.get(id);
    if (!practice) throw new Error(`view model: unknown practice "${id}"`);
    return practice;
  };
  const same = namesakes(practices);
  for (const p of practices) {
    p.namesakes = same.get(p.id)!;
    const namesakeIds = new Set(p.namesakes.map((o) => o.id));
    p.readNext = p.related.filter((id) => !namesakeIds.has(id)).map(resolve);
  }

  const bySection = groupBy(practices, (p) => p.sectionId);
  const sections: Section<E>[] = sectionInputs.map((s) => {
    const own = bySection.get(s.id) ?? [];
    const subsections = groupBySubsection(s.subsections, own).map((g, i) => ({
      ...g,
      intro: s.subsections[i]!.intro,
    }));
    for (const group of subsections) for (const p of group.practices) p.subsectionAnchor = group.anchor;
    return {
      id: s.id,
      title: s.title,
      summary: s.summary,
      order: s.order,
      subsections,
      practices: own,
      prev: undefined,
      next: undefined,
      changes: s.changes ?? [],
      entry: s.entry,
    };
  });
  sections.forEach((s, index) => Object.assign(s, neighbours(sections, index)));
  // The order a section page shows, not the source's: the two agree today, and a reader pressing Next must never skip what the page lists.
  const reading = sections.flatMap((s) => s.subsections.flatMap((g) => g.practices));
  reading.forEach((p, index) => Object.assign(p, neighbours(reading, index)));

  const bySubsection = groupBy(practices, (p) => p.subsection);
  const industries: Industry<E>[] = industryInputs.map((i) => ({
    id: i.id,
    title: i.title,
    summary: i.summary,
    own: bySubsection.get(i.subsection) ?? [],
    highlights: i.highlights.map((h) => ({ practice: resolve(h.practice), why: h.why })),
    changes: i.changes ?? [],
    entry: i.entry,
  }));

  return { home: input.home, sections, industries, practices };
}

/** An industry page's title, as its heading and the change log show it: "Networking in Finance". */
export const industryTitle = (industry: string) => `Networking in ${industry}`;

/**
 * The caption of a previous/next link from one practice to its neighbour in
 * reading order: "Next practice", or where the step leads when it crosses
 * into another section ("Next section: Relationship Building") or subsection
 * ("Next: Social Media Networking"), so the reader knows before following it
 * that they are leaving what they were reading.
 */
export function stepLabel(
  from: { sectionId: string; subsection: string },
  to: { sectionId: string; sectionTitle: string; subsection: string },
  direction: "prev" | "next",
): string {
  const word = direction === "prev" ? "Previous" : "Next";
  if (to.sectionId !== from.sectionId) return `${word} section: ${to.sectionTitle}`;
  if (to.subsection !== from.subsection) return `${word}: ${to.subsection}`;
  return `${word} practice`;
}
