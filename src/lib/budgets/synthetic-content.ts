import { parse, stringify } from "yaml";
import { EDITORIAL } from "../content/editorial.ts";
import { splitFrontmatter } from "../content/read-entries.ts";

/**
 * A synthetic handbook `factor` times the size of a real one, for the scale
 * benchmark: the topical sections, their subsections and practices are
 * repeated, copy k's headings, titles and ids suffixed with k, bodies kept at
 * their real length (each line of copy k marked with k, so the writing rules,
 * which refuse a paragraph repeated across entries, still pass). The source document is generated alongside, so the content
 * still covers it exactly and every check the build runs still applies.
 *
 * Copies are not reviewed writing: each is listed as waiting for review, so
 * the per-page rules all run on it while the handbook-wide ones (recycled
 * names, stock phrases) count the real pages only.
 *
 * `files` maps paths under the content folder to their text; so does the result.
 */
export function syntheticHandbook(files: Record<string, string>, factor: number): Record<string, string> {
  if (!Number.isInteger(factor) || factor < 1)
    throw new Error(`--factor must be a whole number ≥ 1, received ${factor}`);
  const suffix = (text: string, k: number) => (k === 1 ? text : `${text} ${k}`);
  const id = (text: string, k: number) => (k === 1 ? text : `${text}-${k}`);
  const out: Record<string, string> = {};
  const entry = (path: string) => {
    const parts = splitFrontmatter(files[path]!);
    if (!parts) throw new Error(`${path}: no frontmatter`);
    return { data: parse(parts.frontmatter) as Record<string, unknown>, body: parts.body };
  };
  const write = (path: string, data: unknown, body: string) =>
    (out[path] = `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`);

  // The source: the title and Overview once, then every topical section `factor` times.
  const source = files["source/networking-best-practices.md"]!;
  const firstTopical = source.indexOf("\n## ", source.indexOf("## Overview") + 1) + 1;
  const head = source.slice(0, firstTopical);
  const topical = source.slice(firstTopical);
  const copies = Array.from({ length: factor }, (_, i) =>
    topical
      .replace(/^(##|###) (.+)$/gm, (_, hashes: string, title: string) => `${hashes} ${suffix(title, i + 1)}`)
      .replace(/^- \*\*(.+?)\*\*:/gm, (_, title: string) => `- **${suffix(title, i + 1)}**:`),
  );
  // Marks every line of prose with its copy; tags, comments and headings stay as they are.
  const markBody = (body: string, k: number) =>
    k === 1 ? body : body.replace(/^(?![#<{]|\s*$)(.*\S)[ \t]*$/gm, (_, line: string) => `${line} (${k})`);
  out["source/networking-best-practices.md"] = head + copies.join("\n");

  for (const path of Object.keys(files)) {
    if (path.startsWith("home/") || path.startsWith("industries/")) out[path] = files[path]!;
  }
  const pending = (files[EDITORIAL.pendingFile] ?? "").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  const sectionFiles = Object.keys(files).filter((p) => p.startsWith("sections/"));
  const practiceFiles = Object.keys(files).filter((p) => p.startsWith("practices/"));
  for (let k = 1; k <= factor; k++) {
    for (const path of sectionFiles) {
      const { data, body } = entry(path);
      const subsections = (data["subsections"] as { title: string; intro: string }[]).map((s) => ({
        ...s,
        title: suffix(s.title, k),
      }));
      const order = (k - 1) * sectionFiles.length + (data["order"] as number);
      write(
        path.replace(/\.mdx$/, k === 1 ? ".mdx" : `-${k}.mdx`),
        {
          ...data,
          title: suffix(data["title"] as string, k),
          heading: suffix(data["heading"] as string, k),
          order,
          subsections,
        },
        markBody(body, k),
      );
    }
    for (const path of practiceFiles) {
      const { data, body } = entry(path);
      const { reviewed, ...unreviewed } = data;
      const practice = {
        ...(k === 1 ? { ...unreviewed, reviewed } : unreviewed),
        id: id(data["id"] as string, k),
        title: suffix(data["title"] as string, k),
        section: id(data["section"] as string, k),
        subsection: suffix(data["subsection"] as string, k),
        related: ((data["related"] as string[] | undefined) ?? []).map((r) => id(r, k)),
        // Questions are unique across pages: each copy asks its own.
        questions: ((data["questions"] as string[] | undefined) ?? []).map((q) =>
          k === 1 ? q : `${q.replace(/\?$/, "")} (${k})?`,
        ),
      };
      write(path.replace(/\.mdx$/, k === 1 ? ".mdx" : `-${k}.mdx`), practice, markBody(body, k));
      if (k > 1) pending.push(practice.id);
    }
  }
  out[EDITORIAL.pendingFile] = `${pending.join("\n")}\n`;
  return out;
}
