import { capList, type Cut } from "./list.ts";
import type { WorkingList } from "./storage.ts";

/**
 * A list travels as its link: `/lists/?p=<id>,<id>…&title=…&note=…`. The
 * ids stay readable (ids are lowercase words and hyphens); anything else is
 * percent-encoded, so a title or note can say anything.
 */

/** The query string of a list's link, with its leading `?`. */
export function listQuery(list: WorkingList): string {
  const parts = [`p=${list.ids.map(encodeURIComponent).join(",")}`];
  if (list.title) parts.push(`title=${encodeURIComponent(list.title)}`);
  if (list.note) parts.push(`note=${encodeURIComponent(list.note)}`);
  return `?${parts.join("&")}`;
}

/**
 * The list a link's query string carries, within the limits, with what was
 * cut; undefined when it carries none (no `p`), so /lists/ shows the
 * reader's own list instead.
 */
export function parseListQuery(search: string | URLSearchParams): { list: WorkingList; cut: Cut[] } | undefined {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const p = params.get("p");
  if (p === null) return undefined;
  const ids = [
    ...new Set(
      p
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  return capList({ title: (params.get("title") ?? "").trim(), note: (params.get("note") ?? "").trim(), ids });
}
