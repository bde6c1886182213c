import type { Problem } from "./problems.ts";
import { frontmatterLineOf, type Entry, type HandbookContent } from "./read-entries.ts";
import { STUDY_KINDS, STUDY_PAGES_MAX, type RegisteredSource, type SourceRegister } from "./source-register.ts";

type CitingEntry = Entry<{ sources?: readonly string[] }>;

/** Every entry that can cite sources: the home page, section guides, industry briefs and practices. */
export const citingEntries = (content: HandbookContent): CitingEntry[] => [
  ...content.home,
  ...content.sections,
  ...content.industries,
  ...content.practices,
];

/** Which pages cite each source, by key, in the order the entries are read. */
export function citationsOf(content: HandbookContent): Map<string, CitingEntry[]> {
  const cited = new Map<string, CitingEntry[]>();
  for (const entry of citingEntries(content)) {
    for (const key of new Set(entry.data.sources ?? [])) cited.set(key, [...(cited.get(key) ?? []), entry]);
  }
  return cited;
}

/**
 * Holds pages and the register to each other: a page cites only keys the
 * register has, each once; every source in the register is cited somewhere
 * (an unused one is either dead weight or a claim that lost its source); and
 * no study is retold across more than STUDY_PAGES_MAX pages.
 */
export function checkCitations(content: HandbookContent, register: SourceRegister): Problem[] {
  const problems: Problem[] = [...register.problems];
  for (const entry of citingEntries(content)) {
    const seen = new Set<string>();
    (entry.data.sources ?? []).forEach((key, index) => {
      const line = frontmatterLineOf(entry.text, ["sources", index]);
      if (seen.has(key)) {
        problems.push({
          kind: "source-citation",
          file: entry.file,
          line,
          field: `sources.${index}`,
          message: `"${key}" is listed twice`,
          fix: "list each source once",
        });
      }
      seen.add(key);
      if (!register.byKey.has(key)) {
        problems.push({
          kind: "source-citation",
          file: entry.file,
          line,
          field: `sources.${index}`,
          message: `"${key}" is not a source in ${register.file}`,
          fix: `use a key from ${register.file} (${closestKeys(key, register.sources).join(", ") || "none is close"}), or add the source there with its title, publisher, url, year, kind and checked date`,
        });
      }
    });
  }
  const cited = citationsOf(content);
  for (const source of register.sources) {
    const pages = cited.get(source.key) ?? [];
    if (pages.length === 0) {
      problems.push({
        kind: "source-unused",
        file: register.file,
        line: source.line,
        field: "key",
        message: `"${source.key}" is cited by no page`,
        fix: "cite it from the page whose claim it supports, or delete it from the register",
      });
    }
    if (STUDY_KINDS.includes(source.kind) && pages.length > STUDY_PAGES_MAX) {
      problems.push({
        kind: "source-overcited",
        file: register.file,
        line: source.line,
        field: "key",
        message: `the ${source.kind} "${source.key}" is cited on ${pages.length} pages (${pages.map((p) => p.id).join(", ")}); at most ${STUDY_PAGES_MAX}`,
        fix: "explain it on the one page it fits best; elsewhere link to that page instead of citing the study",
      });
    }
  }
  return problems;
}

/** Up to three register keys that share the most words with a key the register does not have. */
function closestKeys(key: string, sources: readonly RegisteredSource[]): string[] {
  const words = new Set(key.split("-"));
  return sources
    .map((s) => ({ key: s.key, shared: s.key.split("-").filter((w) => words.has(w)).length }))
    .filter((s) => s.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.key.localeCompare(b.key))
    .slice(0, 3)
    .map((s) => s.key);
}
