import type { HandbookContent } from "./read-entries.ts";
import { subsectionAnchor } from "../site/grouping.ts";
import type { Problem } from "./problems.ts";
import { paths } from "../site/urls.ts";

function list(values: Iterable<string>): string {
  return [...values].sort().join(", ");
}

/**
 * Checks the links between entries that a schema alone cannot: ids unique
 * across practices and their aliases, every `section`, `industries`,
 * `related` and highlight pointing at an entry that exists, and every
 * practice's subsection listed by its section.
 */
export function checkReferences(content: HandbookContent): Problem[] {
  const problems: Problem[] = [];
  const sections = new Map(content.sections.map((s) => [s.id, s]));
  const industries = new Set(content.industries.map((i) => i.id));

  // Every id and alias a URL can name, with the file that claims it.
  const claimed = new Map<string, string>();
  for (const practice of content.practices) {
    for (const [field, id] of [
      ["id", practice.data.id] as const,
      ...practice.data.aliases.map((a) => ["aliases", a] as const),
    ]) {
      const owner = claimed.get(id);
      if (owner) {
        problems.push({
          kind: "duplicate-id",
          file: practice.file,
          field,
          message: `practice id "${id}" is already used by ${owner}`,
          fix: `give one of the two practices a different id (ids and aliases are unique across the handbook)`,
        });
      } else {
        claimed.set(id, practice.file);
      }
    }
  }
  const practiceIds = new Set(content.practices.map((p) => p.data.id));

  for (const practice of content.practices) {
    const { data, file } = practice;
    const section = sections.get(data.section);
    if (!section) {
      problems.push({
        kind: "unknown-reference",
        file,
        field: "section",
        message: `section "${data.section}" does not exist`,
        fix: `use one of: ${list(sections.keys())}`,
      });
    } else if (!section.data.subsections.some((s) => s.title === data.subsection)) {
      problems.push({
        kind: "unknown-reference",
        file,
        field: "subsection",
        message: `subsection "${data.subsection}" is not one of section "${data.section}"'s subsections`,
        fix: `use one of: ${section.data.subsections.map((s) => s.title).join(", ")} (or list it in ${section.file})`,
      });
    }
    for (const industry of data.industries) {
      if (!industries.has(industry)) {
        problems.push({
          kind: "unknown-reference",
          file,
          field: "industries",
          message: `industry "${industry}" does not exist`,
          fix: `use one of: ${list(industries)}`,
        });
      }
    }
    for (const related of data.related) {
      if (related === data.id) {
        problems.push({
          kind: "self-reference",
          file,
          field: "related",
          message: `the practice lists itself as related`,
          fix: `remove "${related}" from related`,
        });
      } else if (!practiceIds.has(related)) {
        problems.push({
          kind: "unknown-reference",
          file,
          field: "related",
          message: `related practice "${related}" does not exist`,
          fix: `use the id of an existing practice (see content/practices/)`,
        });
      }
    }
  }

  for (const industry of content.industries) {
    industry.data.highlights.forEach((highlight, index) => {
      if (!practiceIds.has(highlight.practice)) {
        problems.push({
          kind: "unknown-reference",
          file: industry.file,
          field: `highlights.${index}.practice`,
          message: `practice "${highlight.practice}" does not exist`,
          fix: `use the id of an existing practice (see content/practices/)`,
        });
      }
    });
  }
  return problems;
}

/** Pages an entry body may link to, each with the anchors it carries. */
export function linkTargets(content: HandbookContent): Map<string, Set<string>> {
  const targets = new Map<string, Set<string>>([
    [paths.home(), new Set()],
    [paths.practices(), new Set()],
  ]);
  const anchorsBySection = new Map<string, Set<string>>();
  for (const section of content.sections) {
    const ids = new Set(section.data.subsections.map((s) => subsectionAnchor(s.title)));
    anchorsBySection.set(section.id, ids);
    targets.set(paths.section(section.id), ids);
  }
  for (const p of content.practices) {
    const ids = anchorsBySection.get(p.data.section);
    if (ids) for (const id of [p.data.id, ...p.data.aliases]) ids.add(id);
  }
  for (const p of content.practices)
    for (const id of [p.data.id, ...p.data.aliases]) targets.set(paths.practice(id), new Set());
  for (const industry of content.industries) targets.set(paths.industry(industry.id), new Set());
  return targets;
}
