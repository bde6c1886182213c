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
export function parseListQuery(search: string): { list: WorkingList; cut: Cut[] } | undefined {
  const params = new URLSearchParams(search);
  // The ids are split before decoding, so an id holding an encoded comma stays one id.
  const raw = search
    .replace(/^\?/, "")
    .split("&")
    .find((pair) => pair === "p" || pair.startsWith("p="));
  if (raw === undefined) return undefined;
  const ids = raw
    .slice(2)
    .split(",")
    .map((id) => decode(id).trim())
    .filter(Boolean);
  return capList({
    title: (params.get("title") ?? "").trim(),
    note: (params.get("note") ?? "").trim(),
    ids: [...new Set(ids)],
  });
}

/** A query value as URLSearchParams decodes it, and a malformed escape as it stands. */
function decode(value: string): string {
  const spaced = value.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
