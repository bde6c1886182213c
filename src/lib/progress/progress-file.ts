/**
 * The reader's progress outside the browser: the JSON file they export to
 * move their ticks to another browser (and import there), and the Markdown
 * checklist they export to keep or share. Ticks are practice ids; ids are
 * resolved through `canonical` (every current id and old alias → current id),
 * so a file exported before a practice was renamed still imports.
 */

/** The `format` of a progress file: a file without it was not exported here. */
export const PROGRESS_FORMAT = "networking-best-practices/progress";
/** The version of the file's shape this code writes and reads. */
export const PROGRESS_VERSION = 1;

/** Every id a practice has had (its current id and its aliases) → its current id. */
export type Canonical = ReadonlyMap<string, string>;

/** The text of a progress file for `done` (current ids), exported at `when`. */
export function progressFile(done: readonly string[], when: Date): string {
  const file = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exported: when.toISOString(), done };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { ok: true; ids: string[]; unknown: string[] } | { ok: false; problem: string };

const NOT_OURS = "Choose a file saved here with “Export as JSON”. Nothing was changed.";

/**
 * Reads a progress file: its ticks as current ids, and the ids the handbook
 * no longer knows (reported to the reader, not dropped in silence). A file
 * that is not one gets a problem saying why and what to do.
 */
export function readProgressFile(text: string, canonical: Canonical): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: `This file is not a progress file: it is not JSON. ${NOT_OURS}` };
  }
  if (typeof value !== "object" || value === null || (value as { format?: unknown }).format !== PROGRESS_FORMAT) {
    return {
      ok: false,
      problem: `This file is not a progress file from this handbook (it has no "format": "${PROGRESS_FORMAT}"). ${NOT_OURS}`,
    };
  }
  const { version, done } = value as { version?: unknown; done?: unknown };
  if (version !== PROGRESS_VERSION) {
    return {
      ok: false,
      problem: `This progress file has version ${JSON.stringify(version)}, and this site reads version ${PROGRESS_VERSION}. Export it again from this site. Nothing was changed.`,
    };
  }
  if (!Array.isArray(done) || !done.every((id) => typeof id === "string")) {
    return {
      ok: false,
      problem: `This progress file's "done" is not a list of practice ids. ${NOT_OURS}`,
    };
  }
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const id of done as string[]) {
    const current = canonical.get(id.trim());
    if (current === undefined) unknown.push(id);
    else if (!ids.includes(current)) ids.push(current);
  }
  return { ok: true, ids, unknown };
}

/** The stored ticks as current ids, in order, each once; ids the handbook no longer knows are kept apart. */
export function currentIds(stored: readonly string[], canonical: Canonical): string[] {
  return [...new Set(stored.flatMap((id) => canonical.get(id) ?? []))];
}

/** Ticks after an import: those already there, then the imported ones that were not. */
export function mergeTicks(stored: readonly string[], imported: readonly string[], canonical: Canonical): string[] {
  return [...new Set([...currentIds(stored, canonical), ...imported])];
}

/** Ticks with the given practices' cleared (any id they have had). */
export function clearTicks(stored: readonly string[], practices: readonly string[], canonical: Canonical): string[] {
  const cleared = new Set(practices);
  return stored.filter((id) => !cleared.has(canonical.get(id) ?? id));
}

/** What an import did, in a sentence or two. */
export function importSummary(result: { ids: string[]; unknown: string[] }, added: number): string {
  const ticks = (n: number) => `${n} ${n === 1 ? "tick" : "ticks"}`;
  const parts = [`Imported ${ticks(result.ids.length)}: ${added} new, ${result.ids.length - added} already here.`];
  if (result.unknown.length > 0) {
    const n = result.unknown.length;
    parts.push(
      `${n} ${n === 1 ? "practice is" : "practices are"} no longer in the handbook and ${n === 1 ? "was" : "were"} not imported: ${result.unknown.join(", ")}.`,
    );
  }
  return parts.join(" ");
}

export interface ChecklistSection {
  title: string;
  practices: { title: string; url: string; done: boolean }[];
}

/** A Markdown checklist of every practice by section, the reader's ticks checked. */
export function progressMarkdown(sections: readonly ChecklistSection[], when: Date): string {
  const all = sections.flatMap((s) => s.practices);
  const done = all.filter((p) => p.done).length;
  const lines = [
    "# Networking Best Practices: my progress",
    "",
    `Exported ${when.toISOString().slice(0, 10)}: ${done} of ${all.length} practices done.`,
  ];
  for (const section of sections) {
    const count = section.practices.filter((p) => p.done).length;
    lines.push("", `## ${section.title} (${count} of ${section.practices.length})`, "");
    for (const p of section.practices)
      lines.push(`- [${p.done ? "x" : " "}] [${p.title.replace(/[[\]]/g, "\\$&")}](${p.url})`);
  }
  return `${lines.join("\n")}\n`;
}
