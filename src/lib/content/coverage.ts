import type { HandbookContent } from "./read-entries.ts";
import type { Problem } from "./problems.ts";
import { listPractices, type SourceDocument } from "./source.ts";

export interface CoverageCounts {
  covered: number;
  total: number;
}

export interface CoverageReport {
  sections: CoverageCounts;
  subsections: CoverageCounts;
  practices: CoverageCounts;
  problems: Problem[];
}

interface SourceItem {
  kind: "section" | "subsection" | "practice";
  label: string;
  line: number;
  /** Verbatim text the covering entry must repeat, when the item has one. */
  text?: string;
}

interface Claim {
  key: string;
  file: string;
  field: string;
  label: string;
  text?: string;
}

/** The keys a source item and the entry covering it share. */
export const sectionKey = (section: string) => `## ${section}`;
export const subsectionKey = (section: string, subsection: string) => `## ${section} › ### ${subsection}`;
export const practiceKey = (section: string, subsection: string, title: string) =>
  `## ${section} › ### ${subsection} › ${title}`;

function sourceItems(doc: SourceDocument): Map<string, SourceItem> {
  const items = new Map<string, SourceItem>();
  for (const section of doc.sections) {
    items.set(sectionKey(section.title), {
      kind: "section",
      label: `## ${section.title}`,
      line: section.line,
      ...(section.intro && section.subsections.length === 0 ? { text: section.intro } : {}),
    });
    for (const subsection of section.subsections) {
      items.set(subsectionKey(section.title, subsection.title), {
        kind: "subsection",
        label: `### ${subsection.title}`,
        line: subsection.line,
      });
    }
  }
  for (const practice of listPractices(doc)) {
    items.set(practiceKey(practice.section, practice.subsection, practice.title), {
      kind: "practice",
      label: `- **${practice.title}**`,
      line: practice.line,
      text: practice.text,
    });
  }
  return items;
}

function claims(content: HandbookContent): Claim[] {
  const headingOf = new Map(content.sections.map((s) => [s.id, s.data.heading]));
  const result: Claim[] = [];
  for (const home of content.home) {
    result.push({
      key: sectionKey(home.data.heading),
      file: home.file,
      field: "heading",
      label: `## ${home.data.heading}`,
      text: home.data.source,
    });
  }
  for (const section of content.sections) {
    result.push({
      key: sectionKey(section.data.heading),
      file: section.file,
      field: "heading",
      label: `## ${section.data.heading}`,
    });
    section.data.subsections.forEach((subsection, index) => {
      result.push({
        key: subsectionKey(section.data.heading, subsection.title),
        file: section.file,
        field: `subsections.${index}.title`,
        label: `### ${subsection.title}`,
      });
    });
  }
  for (const practice of content.practices) {
    // An unknown section is reported by checkReferences; here it simply matches nothing.
    const heading = headingOf.get(practice.data.section) ?? `(unknown section "${practice.data.section}")`;
    result.push({
      key: practiceKey(heading, practice.data.subsection, practice.data.title),
      file: practice.file,
      field: "title",
      label: `- **${practice.data.title}** (${practice.data.subsection})`,
      text: practice.data.source,
    });
  }
  return result;
}

/**
 * Compares the source document with the content entries, in both directions:
 * every source heading and bullet must be covered by exactly one entry, every
 * entry must cover something that exists, and verbatim text must match byte
 * for byte. Problems point at the source line or the entry file.
 */
export function checkCoverage(
  doc: SourceDocument,
  content: HandbookContent,
  sourceFile: string,
  /** Items covered by an entry that failed its own checks: not reported again as having no entry. */
  coveredElsewhere: ReadonlySet<string> = new Set(),
): CoverageReport {
  const items = sourceItems(doc);
  const claimedBy = new Map<string, Claim>();
  const problems: Problem[] = [];

  for (const claim of claims(content)) {
    const item = items.get(claim.key);
    if (!item) {
      problems.push({
        kind: "orphan",
        file: claim.file,
        field: claim.field,
        message: `${claim.label} is not in the source document (${sourceFile})`,
        fix: "correct the entry to match a source heading or bullet exactly, or delete the entry if the source dropped it",
      });
      continue;
    }
    const first = claimedBy.get(claim.key);
    if (first) {
      problems.push({
        kind: "duplicate-claim",
        file: claim.file,
        field: claim.field,
        message: `${item.label} (source line ${item.line}) is already covered by ${first.file}`,
        fix: "keep one entry for each source item and delete or retarget the other",
      });
      continue;
    }
    claimedBy.set(claim.key, claim);
    if (item.text !== undefined && claim.text !== item.text) {
      problems.push({
        kind: "reworded",
        file: claim.file,
        field: "source",
        message: `the verbatim text of ${item.label} differs from the source (line ${item.line}):\n      source: ${JSON.stringify(item.text)}\n      entry:  ${JSON.stringify(claim.text ?? "")}`,
        fix: "copy the source text into the entry's `source` field exactly; the handbook's own words go in the body",
      });
    }
  }

  const counts = {
    section: { covered: 0, total: 0 },
    subsection: { covered: 0, total: 0 },
    practice: { covered: 0, total: 0 },
  };
  for (const [key, item] of items) {
    counts[item.kind].total += 1;
    if (claimedBy.has(key)) {
      counts[item.kind].covered += 1;
    } else if (!coveredElsewhere.has(key)) {
      problems.push({
        kind: "uncovered",
        file: sourceFile,
        line: item.line,
        field: item.kind,
        message: `${item.label} has no entry`,
        fix:
          item.kind === "practice"
            ? "add a file to content/practices/ whose title, subsection, section and source match this bullet"
            : item.kind === "subsection"
              ? "list this heading under `subsections` of its section's entry in content/sections/"
              : "add an entry to content/sections/ whose `heading` is this heading",
      });
    }
  }
  return { sections: counts.section, subsections: counts.subsection, practices: counts.practice, problems };
}

/** The summary line: `sections 12/12 · subsections 32/32 · practices 166/166`. */
export function formatCounts(report: CoverageReport): string {
  const c = (x: CoverageCounts) => `${x.covered}/${x.total}`;
  return `sections ${c(report.sections)} · subsections ${c(report.subsections)} · practices ${c(report.practices)}`;
}
