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
  const blocks = [`# ${escapeMarkdown(list.title || UNTITLED)}`];
  if (list.note) blocks.push(list.note.split(/\r?\n/).map(escapeMarkdown).join("\n"));
  const items = entries.map(({ id, practice }) =>
    practice
      ? `- [${escapeMarkdown(practice.title)}](${options.practiceUrl(id)}) — ${escapeMarkdown(practice.source)}`
      : `- ${escapeMarkdown(unknownLine(id))}`,
  );
  if (items.length) blocks.push(items.join("\n"));
  blocks.push(`[Open this list](${options.listUrl})`);
  return blocks.join("\n\n");
}

/** The title, the note, then `Title: URL` per practice, for chat apps that show no Markdown. */
export function toPlainText(list: WorkingList, entries: readonly ListEntry[], options: FormatOptions): string {
  const blocks = [list.note ? `${list.title || UNTITLED}\n${list.note}` : list.title || UNTITLED];
  const items = entries.map(({ id, practice }) =>
    practice ? `${practice.title}: ${options.practiceUrl(id)}` : unknownLine(id),
  );
  if (items.length) blocks.push(items.join("\n"));
  blocks.push(`The whole list: ${options.listUrl}`);
  return blocks.join("\n\n");
}
