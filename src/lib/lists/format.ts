import type { ListEntry } from "./practices.ts";
import type { WorkingList } from "./storage.ts";

/**
 * A list as text to paste elsewhere. URLs are absolute (`url` makes them, on
 * the address the page was served from) because the text leaves the site.
 */
export interface FormatOptions {
  /** The absolute URL of a practice's page. */
  practiceUrl: (id: string) => string;
  /** The absolute URL of the list itself. */
  listUrl: string;
}

const UNTITLED = "Practice list";

/**
 * The characters that would turn text into emphasis, code, a link or markup,
 * escaped. Punctuation such as parentheses stays as it is, so everyday titles
 * and notes paste unchanged.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, "\\$&");
}

const unknownLine = (id: string) => `${id} (no longer in the handbook)`;

/** `# Title`, the note, then `- [Title](URL) — one-liner` per practice and the list's own link. */
export function toMarkdown(list: WorkingList, entries: readonly ListEntry[], options: FormatOptions): string {
  const lines = [`# ${escapeMarkdown(list.title || UNTITLED)}`, ""];
  if (list.note) lines.push(...list.note.split(/\r?\n/).map(escapeMarkdown), "");
  for (const { id, practice } of entries) {
    lines.push(
      practice
        ? `- [${escapeMarkdown(practice.title)}](${options.practiceUrl(id)}) — ${escapeMarkdown(practice.source)}`
        : `- ${escapeMarkdown(unknownLine(id))}`,
    );
  }
  lines.push("", `[Open this list](${options.listUrl})`);
  return lines.join("\n");
}

/** The title, the note, then `Title: URL` per practice, for chat apps that show no Markdown. */
export function toPlainText(list: WorkingList, entries: readonly ListEntry[], options: FormatOptions): string {
  const lines = [list.title || UNTITLED];
  if (list.note) lines.push(list.note);
  lines.push("");
  for (const { id, practice } of entries)
    lines.push(practice ? `${practice.title}: ${options.practiceUrl(id)}` : unknownLine(id));
  lines.push("", `The whole list: ${options.listUrl}`);
  return lines.join("\n");
}
