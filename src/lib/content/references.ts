import GithubSlugger from "github-slugger";
import { toString } from "mdast-util-to-string";
import { lineInEntry, type HandbookContent } from "./read-entries.ts";
import { subsectionAnchor } from "../site/grouping.ts";
import type { Problem } from "./problems.ts";
import { paths } from "../site/urls.ts";

function list(values: Iterable<string>): string {
  return [...values].sort().join(", ");
}

/** Ids of entries that exist but whose frontmatter was refused: not built, but not missing either. */
export interface ExistingIds {
  sections: ReadonlySet<string>;
  industries: ReadonlySet<string>;
  practices: ReadonlySet<string>;
}

const NONE: ExistingIds = { sections: new Set(), industries: new Set(), practices: new Set() };

/** Each value listed more than once in a frontmatter list, with the index of its repeat. */
function repeats(values: readonly string[]): { value: string; index: number }[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => (seen.has(value) ? [{ value, index }] : (seen.add(value), [])));
}

/**
 * Checks the links between entries that a schema alone cannot: ids unique
 * across practices and their aliases, every `section`, `industries`,
 * `related` and highlight pointing at an entry that exists, every list free of
 * repeats, and every practice's subsection listed by its section. Entries in
 * `rejected` exist but failed their own checks: pointing at them is not
 * reported again.
 */
export function checkReferences(content: HandbookContent, rejected: ExistingIds = NONE): Problem[] {
  const problems: Problem[] = [];
  const sections = new Map(content.sections.map((s) => [s.id, s]));
  const industries = new Set(content.industries.map((i) => i.id));

  // Every id and alias a URL can name, with the file that claims it. Ids first, so that an
  // alias equal to another practice's id is reported on the alias, where the mistake is.
  const claimed = new Map<string, string>();
  const claims = [
    ...content.practices.map((p) => ({ practice: p, field: "id", id: p.data.id })),
    ...content.practices.flatMap((p) => p.data.aliases.map((id) => ({ practice: p, field: "aliases", id }))),
  ];
  for (const { practice, field, id } of claims) {
    const owner = claimed.get(id);
    if (field === "aliases" && id === practice.data.id) {
      problems.push({
        kind: "duplicate-id",
        file: practice.file,
        field,
        message: `alias "${id}" is this practice's own id`,
        fix: `remove it from aliases: an alias is a former id that must keep working`,
      });
      continue;
    }
    // A repeat within one list is reported with the other repeats below.
    if (owner === practice.file && field === "aliases") continue;
    if (owner) {
      problems.push({
        kind: "duplicate-id",
        file: practice.file,
        field,
        message: `${field === "id" ? "practice id" : "alias"} "${id}" is already used by ${owner}`,
        fix:
          field === "id"
            ? "give one of the two practices a different id (ids and aliases are unique across the handbook)"
            : `remove "${id}" from aliases: it is another practice's id or alias, and an alias must name an old id of this practice`,
      });
    } else {
      claimed.set(id, practice.file);
    }
  }
  const practiceIds = new Set(content.practices.map((p) => p.data.id));
  const practiceExists = (id: string) => practiceIds.has(id) || rejected.practices.has(id);

  for (const practice of content.practices) {
    const { data, file } = practice;
    for (const field of ["industries", "related", "aliases"] as const) {
      for (const { value, index } of repeats(data[field])) {
        problems.push({
          kind: "duplicate-item",
          file,
          field: `${field}.${index}`,
          message: `"${value}" is listed twice in ${field}`,
          fix: `remove the second "${value}"`,
        });
      }
    }
    const section = sections.get(data.section);
    if (!section) {
      if (!rejected.sections.has(data.section)) {
        problems.push({
          kind: "unknown-reference",
          file,
          field: "section",
          message: `section "${data.section}" does not exist`,
          fix: `use one of: ${list(sections.keys())}`,
        });
      }
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
      if (!industries.has(industry) && !rejected.industries.has(industry)) {
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
      } else if (!practiceExists(related)) {
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
    for (const { value, index } of repeats(industry.data.highlights.map((h) => h.practice))) {
      problems.push({
        kind: "duplicate-item",
        file: industry.file,
        field: `highlights.${index}.practice`,
        message: `"${value}" is recommended twice`,
        fix: `keep one recommendation of "${value}" and merge the two reasons`,
      });
    }
    industry.data.highlights.forEach((highlight, index) => {
      if (!practiceExists(highlight.practice)) {
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
  for (const section of content.sections) {
    for (const { value, index } of repeats(section.data.subsections.map((s) => s.title))) {
      problems.push({
        kind: "duplicate-item",
        file: section.file,
        field: `subsections.${index}.title`,
        message: `the subsection "${value}" is listed twice`,
        fix: "list each ### subsection once",
      });
    }
  }
  return problems;
}

/** Pages an entry body may link to, each with the anchors it carries. */
export function linkTargets(content: HandbookContent): Map<string, Set<string>> {
  const targets = new Map<string, Set<string>>([
    [paths.home(), new Set()],
    [paths.practices(), new Set()],
    // Every source, once, with the pages citing it (built from content/sources.yaml).
    [paths.sources(), new Set()],
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

/**
 * Headings in a section's introduction take ids on its page; one that equals a
 * practice's or a subsection's anchor there would take over links already shared.
 */
export function checkAnchors(content: HandbookContent): Problem[] {
  const problems: Problem[] = [];
  const targets = linkTargets(content);
  for (const section of content.sections) {
    const reserved = targets.get(paths.section(section.id)) ?? new Set<string>();
    const slugger = new GithubSlugger();
    for (const node of section.tree.children) {
      if (node.type !== "heading") continue;
      const anchor = slugger.slug(toString(node));
      if (!reserved.has(anchor)) continue;
      problems.push({
        kind: "anchor-collision",
        file: section.file,
        line: lineInEntry(section, node),
        field: "body",
        message: `the heading "${toString(node)}" would take the anchor #${anchor}, which a practice or subsection on this page already has`,
        fix: "reword the heading (or make it bold text): published links to that anchor must keep landing where they did",
      });
    }
  }
  return problems;
}

