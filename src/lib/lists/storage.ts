/**
 * What the handbook keeps in the reader's browser about lists, and nothing
 * else: the working list, the lists they saved and the practices they ticked
 * as done. Reading pages write the working list with their "Add to list"
 * toggle; /lists/ and the search results read and write it too, so the key
 * names and shapes here are a contract between them. Every value may be
 * missing, truncated by a full disk, written by an older or newer version of
 * the site or by another site on the same origin: parsing never throws and
 * falls back to an empty value.
 */

/** The reader's working list: `{"v":1,"title":…,"note":…,"ids":[…]}`. */
export const LIST_KEY = "nbp:list:v1";
/** Lists the reader saved: `{"v":1,"lists":[{title, note, ids, saved}]}`. */
export const SAVED_LISTS_KEY = "nbp:lists:v1";
/** Practices the reader ticked as done (written by reading pages; read here): `{"v":1,"done":[…]}`. */
export const PROGRESS_KEY = "nbp:progress:v1";

export interface WorkingList {
  title: string;
  note: string;
  /** Practice ids in the reader's order. */
  ids: string[];
}

export interface SavedList extends WorkingList {
  /** When it was saved, as an ISO date string. */
  saved: string;
}

export const EMPTY_LIST: WorkingList = { title: "", note: "", ids: [] };

/** JSON.parse that answers undefined instead of throwing. */
function parseJson(raw: string | null | undefined): unknown {
  if (typeof raw !== "string" || raw === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const stringOr = (value: unknown, fallback = ""): string => (typeof value === "string" ? value : fallback);

/** The strings of an array, trimmed, empty ones and repeats left out; anything else is an empty list. */
function idList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids = value.filter((id): id is string => typeof id === "string").map((id) => id.trim());
  return [...new Set(ids.filter(Boolean))];
}

/** A value of version 1 with the fields of a list, or undefined. */
function listFrom(value: unknown): WorkingList | undefined {
  if (!isRecord(value)) return undefined;
  return { title: stringOr(value["title"]), note: stringOr(value["note"]), ids: idList(value["ids"]) };
}

/** The working list stored under LIST_KEY; an empty list for anything that is not one. */
export function parseList(raw: string | null | undefined): WorkingList {
  const value = parseJson(raw);
  if (!isRecord(value) || value["v"] !== 1) return { ...EMPTY_LIST, ids: [] };
  return listFrom(value) ?? { ...EMPTY_LIST, ids: [] };
}

export function serializeList(list: WorkingList): string {
  return JSON.stringify({ v: 1, title: list.title, note: list.note, ids: list.ids });
}

/** The saved lists under SAVED_LISTS_KEY, skipping any entry that is not a list. */
export function parseSavedLists(raw: string | null | undefined): SavedList[] {
  const value = parseJson(raw);
  if (!isRecord(value) || value["v"] !== 1 || !Array.isArray(value["lists"])) return [];
  const lists: SavedList[] = [];
  for (const entry of value["lists"]) {
    const list = listFrom(entry);
    if (list && isRecord(entry)) lists.push({ ...list, saved: stringOr(entry["saved"]) });
  }
  return lists;
}

export function serializeSavedLists(lists: readonly SavedList[]): string {
  return JSON.stringify({ v: 1, lists: lists.map(({ title, note, ids, saved }) => ({ title, note, ids, saved })) });
}

/** The ids of the practices ticked as done under PROGRESS_KEY (maybe old alias ids). */
export function parseProgress(raw: string | null | undefined): string[] {
  const value = parseJson(raw);
  if (!isRecord(value) || value["v"] !== 1) return [];
  return idList(value["done"]);
}

/** A storage that may be missing or refuse (private browsing, a full disk, storage blocked). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** localStorage, or nothing where the browser blocks it (reading the property itself can throw). */
export function browserStore(): KeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Reads a key, answering null where the storage itself throws (blocked cookies and site data). */
export function readKey(store: KeyValueStore | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes a key; false when the browser refused (storage full or blocked), for the caller to say so. */
export function writeKey(store: KeyValueStore | undefined, key: string, value: string): boolean {
  try {
    if (!store) return false;
    store.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
