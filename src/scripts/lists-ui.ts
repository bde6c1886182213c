/**
 * /lists/ in the browser: shows a list opened from its link, or the reader's
 * working list to edit, and the lists they saved. Everything it knows comes
 * from the page (the practices, src/pages/lists/index.astro), the address
 * and localStorage; nothing is sent anywhere. Text the reader or a link
 * supplies is only ever set as text (`textContent`, `value`), never as markup.
 */
import { addSaved, capList, cutMessage, LIMITS, moveId, removeAt, type Cut } from "../lib/lists/list.ts";
import { toMarkdown, toPlainText } from "../lib/lists/format.ts";
import {
  countLabel,
  practiceIndex,
  resolveEntries,
  type ListEntry,
  type ListsData,
  type PracticeIndex,
} from "../lib/lists/practices.ts";
import {
  LIST_KEY,
  parseList,
  parseProgress,
  parseSavedLists,
  PROGRESS_KEY,
  readKey,
  SAVED_LISTS_KEY,
  serializeList,
  serializeSavedLists,
  writeKey,
  browserStore,
  type WorkingList,
} from "../lib/lists/storage.ts";
import { listQuery, parseListQuery } from "../lib/lists/url.ts";

const store = browserStore();

/**
 * The site's URLs, as the page gives them (`data-practice-href` with `{id}`
 * for a practice's id, `data-lists-href`): the URL scheme and base path stay
 * in src/lib/site/urls.ts, and this script needs no module of the reading
 * pages' own, which would cost /lists/ another request.
 */
const urls = document.querySelector<HTMLElement>("[data-lists]")!.dataset;
const listsPath = urls["listsHref"]!;
const practicePath = (id: string) => urls["practiceHref"]!.replace("{id}", encodeURIComponent(id));
const listPath = (list: WorkingList) => `${listsPath}${listQuery(list)}`;
/** Links are handed out on the address the page was served from, as CopyButton does. */
const absolute = (path: string) => new URL(path, location.href).href;

let timer = 0;
/** Says a short message in the page's polite live region, which sighted readers see as a toast. */
function say(message: string): void {
  const announcer = document.querySelector<HTMLElement>("[data-announcer]");
  if (!announcer) return;
  announcer.textContent = message;
  announcer.style.opacity = "1";
  clearTimeout(timer);
  timer = window.setTimeout(() => {
    announcer.style.opacity = "0";
    announcer.textContent = "";
  }, 2500);
}

async function copy(text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    say(done);
  } catch {
    say("Copying failed: select the text and copy it by hand");
  }
}

const part = <T extends HTMLElement = HTMLElement>(root: ParentNode, name: string) =>
  root.querySelector<T>(`[data-${name}]`)!;

function clone(name: string): HTMLElement {
  const template = document.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`)!;
  return document.importNode(template.content.firstElementChild!, true) as HTMLElement;
}

/** "6 practices", and how many the handbook no longer has. */
function countText(entries: readonly ListEntry[]): string {
  const gone = entries.filter((e) => !e.practice).length;
  const known = countLabel(entries.length - gone);
  return gone ? `${known}, and ${gone} no longer in the handbook` : known;
}

/** One entry, filled as text: a practice's title, section, one-liner and tick, or an unknown id with its notice. */
function renderItem(template: string, entry: ListEntry, done: ReadonlySet<string>): HTMLElement {
  const li = clone(template);
  li.dataset["id"] = entry.id;
  const link = part<HTMLAnchorElement>(li, "item-link");
  const { practice } = entry;
  if (practice) {
    link.href = practicePath(practice.id);
    link.textContent = practice.title;
    part(li, "item-url").textContent = absolute(practicePath(practice.id));
    part(li, "item-section").textContent = practice.sectionTitle;
    part(li, "item-source").textContent = practice.source;
    part(li, "item-done").hidden = !done.has(practice.id);
  } else {
    link.remove();
    part(li, "item-url").remove();
    part(li, "item-known").remove();
    part(li, "item-source").remove();
    const id = part(li, "item-unknown-id");
    id.textContent = entry.id;
    id.hidden = false;
    part(li, "item-gone").hidden = false;
  }
  return li;
}

/** The name a button's accessible name gives a list entry. */
const entryName = (entry: ListEntry) => entry.practice?.title ?? entry.id;

/** The practices the reader has ticked, by current id. */
function doneSet(index: PracticeIndex): Set<string> {
  return new Set(parseProgress(readKey(store, PROGRESS_KEY)).map((id) => index.canonical(id)));
}

function setCut(box: HTMLElement, cut: readonly Cut[]): void {
  box.textContent = cutMessage(cut);
  box.hidden = cut.length === 0;
}

/** A list as the forms it is copied in. */
function formats(list: WorkingList, entries: readonly ListEntry[]) {
  const options = { practiceUrl: (id: string) => absolute(practicePath(id)), listUrl: absolute(listPath(list)) };
  return {
    link: options.listUrl,
    markdown: toMarkdown(list, entries, options),
    text: toPlainText(list, entries, options),
  };
}

/** Adds the list to the saved lists; says whether that worked. */
function save(list: WorkingList): void {
  const saved = addSaved(parseSavedLists(readKey(store, SAVED_LISTS_KEY)), list, new Date());
  if (writeKey(store, SAVED_LISTS_KEY, serializeSavedLists(saved))) {
    say("Saved to your lists");
    renderSaved();
  } else say("Saving failed: this browser does not let the handbook store lists");
}

/** The buttons every list has: copy in three forms and print. */
function wireCommon(root: HTMLElement, current: () => { list: WorkingList; entries: ListEntry[] }): void {
  const on = (action: string, run: () => void) =>
    root.querySelector(`[data-action="${action}"]`)?.addEventListener("click", run);
  on("copy-link", () => void copy(formats(current().list, current().entries).link, "Link copied"));
  on("copy-markdown", () => void copy(formats(current().list, current().entries).markdown, "Copied as Markdown"));
  on("copy-text", () => void copy(formats(current().list, current().entries).text, "Copied as text"));
  on("print", () => window.print());
  on("save", () => save(current().list));
}

/** A list opened from its link. */
function mountShared(root: HTMLElement, shared: { list: WorkingList; cut: Cut[] }, index: PracticeIndex): void {
  const { list, cut } = shared;
  const entries = resolveEntries(list.ids, index);
  // Known ids under their current names, so a saved or edited copy stops depending on old ones.
  const canonical: WorkingList = { ...list, ids: entries.map((e) => e.id) };
  const title = list.title || "A shared list";
  part(document, "heading").textContent = title;
  document.title = `${title} · Networking Best Practices`;
  part(root, "count").textContent = countText(entries);
  const note = part(root, "note");
  note.textContent = list.note;
  note.hidden = !list.note;
  setCut(part(root, "cut"), cut);
  const items = part(root, "items");
  const render = () => {
    const done = doneSet(index);
    items.replaceChildren(...entries.map((entry) => renderItem("item", entry, done)));
  };
  render();
  part(root, "empty").hidden = entries.length > 0;
  wireCommon(root, () => ({ list: canonical, entries }));
  root.querySelector('[data-action="edit-copy"]')!.addEventListener("click", () => {
    const mine = parseList(readKey(store, LIST_KEY));
    const same = serializeList(mine) === serializeList(canonical);
    if (
      mine.ids.length &&
      !same &&
      !confirm(`Replace your list (${countLabel(mine.ids.length)}) with a copy of this one?`)
    )
      return;
    if (!writeKey(store, LIST_KEY, serializeList(canonical)))
      return say("Copying failed: this browser does not let the handbook store lists");
    location.assign(listsPath);
  });
  addEventListener("storage", (event) => {
    if (event.key === PROGRESS_KEY || event.key === null) render();
  });
  root.hidden = false;
}

/** Where focus goes once the list is drawn again: an entry's button, by the entry's id. */
type FocusTarget = { id: string; action: string } | { empty: true } | undefined;

/** The reader's working list, edited here and kept in localStorage as they go. */
function mountWorking(root: HTMLElement, index: PracticeIndex): void {
  const items = part(root, "items");
  const empty = part(root, "empty");
  const shareArea = part(root, "share-area");
  const shareLink = part<HTMLInputElement>(root, "share-link");
  const fields = {
    title: part<HTMLInputElement>(root, 'field="title"'),
    note: part<HTMLTextAreaElement>(root, 'field="note"'),
  };
  let list: WorkingList;
  let entries: ListEntry[] = [];

  const read = () => {
    const { list: capped, cut } = capList(parseList(readKey(store, LIST_KEY)));
    setCut(part(root, "cut"), cut);
    return capped;
  };
  const write = () => {
    if (!writeKey(store, LIST_KEY, serializeList(list)))
      say("Saving failed: this browser does not let the handbook store your list");
  };

  /** Everything that follows the title and note, without touching the fields the reader may be typing in. */
  const describe = () => {
    shareLink.value = absolute(listPath(list));
    part(root, "print-title").textContent = list.title || "Practice list";
    part(root, "print-note").textContent = list.note;
    for (const [name, field] of Object.entries(fields)) {
      const limit = LIMITS[name as keyof typeof fields];
      part(root, `count-for="${name}"`).textContent = `${[...field.value].length} of ${limit} characters`;
    }
  };

  const render = (focus?: FocusTarget) => {
    list = read();
    entries = resolveEntries(list.ids, index);
    // Ids are kept as the handbook names them now; a practice listed twice is listed once.
    list.ids = entries.map((e) => e.id);
    for (const [name, field] of Object.entries(fields)) {
      // Another tab may have changed the list; the field the reader is typing in keeps what they typed.
      if (document.activeElement !== field) field.value = list[name as keyof typeof fields];
    }
    const done = doneSet(index);
    items.replaceChildren(
      ...entries.map((entry, i) => {
        const li = renderItem("working-item", entry, done);
        const name = entryName(entry);
        for (const button of li.querySelectorAll<HTMLButtonElement>("button[data-action]")) {
          const action = button.dataset["action"]!;
          const verb = { up: "Move up", down: "Move down", remove: "Remove" }[action];
          button.setAttribute("aria-label", `${verb}: ${name}`);
          // Kept focusable at either end (aria-disabled, not disabled), so focus never drops to the page.
          const stuck = (action === "up" && i === 0) || (action === "down" && i === entries.length - 1);
          if (stuck) button.setAttribute("aria-disabled", "true");
        }
        return li;
      }),
    );
    items.hidden = entries.length === 0;
    empty.hidden = entries.length > 0;
    shareArea.hidden = entries.length === 0;
    part(root, "count").textContent = countText(entries);
    describe();
    if (focus && "empty" in focus) empty.focus();
    else if (focus) {
      const li = [...items.children].find((el) => (el as HTMLElement).dataset["id"] === focus.id);
      li?.querySelector<HTMLElement>(`[data-action="${focus.action}"]`)?.focus();
    }
  };

  items.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    const li = button?.closest<HTMLElement>("[data-item]");
    if (!button || !li || button.getAttribute("aria-disabled") === "true") return;
    const at = entries.findIndex((e) => e.id === li.dataset["id"]);
    const entry = entries[at];
    if (!entry) return;
    const action = button.dataset["action"]!;
    if (action === "remove") {
      list.ids = removeAt(list.ids, at);
      write();
      // Focus goes where the reader's eye is: the next entry's Remove, else the one before, else the empty state.
      const neighbour = entries[at + 1] ?? entries[at - 1];
      render(neighbour ? { id: neighbour.id, action: "remove" } : { empty: true });
      say(`Removed ${entryName(entry)}`);
      return;
    }
    const by = action === "up" ? -1 : 1;
    list.ids = moveId(list.ids, at, by);
    write();
    render({ id: entry.id, action });
    say(`Moved ${entryName(entry)} ${action}: ${at + by + 1} of ${entries.length}`);
  });

  for (const [name, field] of Object.entries(fields)) {
    field.addEventListener("input", () => {
      list = { ...list, [name]: field.value };
      write();
      describe();
    });
  }
  shareLink.addEventListener("focus", () => shareLink.select());
  wireCommon(root, () => ({ list, entries }));
  root.querySelector('[data-action="clear"]')!.addEventListener("click", () => {
    if (!confirm(`Clear your list (${countLabel(entries.length)}), its title and note?`)) return;
    list = { title: "", note: "", ids: [] };
    write();
    render({ empty: true });
    say("List cleared");
  });

  // Another tab added a practice (a reading page's "Add to list") or ticked one as done.
  addEventListener("storage", (event) => {
    if (event.key === LIST_KEY || event.key === PROGRESS_KEY || event.key === null) {
      const focused = document.activeElement?.closest<HTMLElement>("[data-item]");
      const action = (document.activeElement as HTMLElement | null)?.dataset?.["action"];
      render(focused && action ? { id: focused.dataset["id"]!, action } : undefined);
    }
  });
  render();
  root.hidden = false;
}

let renderSaved: (focusIndex?: number) => void = () => {};

/** The lists the reader saved, each opened by its link, and deleted by its button. */
function mountSaved(root: HTMLElement): void {
  const ul = part(root, "saved");
  const date = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });
  renderSaved = (focusIndex?: number) => {
    const saved = parseSavedLists(readKey(store, SAVED_LISTS_KEY));
    ul.replaceChildren(
      ...saved.map((list, i) => {
        const li = clone("saved-item");
        const name = list.title || "Untitled list";
        const link = part<HTMLAnchorElement>(li, "saved-link");
        link.href = listPath(list);
        link.textContent = name;
        const when = new Date(list.saved);
        part(li, "saved-meta").textContent = Number.isNaN(when.getTime())
          ? countLabel(list.ids.length)
          : `${countLabel(list.ids.length)} · saved ${date.format(when)}`;
        const remove = part<HTMLButtonElement>(li, 'action="delete"');
        remove.setAttribute("aria-label", `Delete: ${name}`);
        remove.addEventListener("click", () => {
          const rest = saved.filter((_, j) => j !== i);
          if (!writeKey(store, SAVED_LISTS_KEY, serializeSavedLists(rest))) return say("Deleting failed");
          renderSaved(Math.min(i, rest.length - 1));
          say(`Deleted ${name}`);
        });
        return li;
      }),
    );
    ul.hidden = saved.length === 0;
    part(root, "saved-empty").hidden = saved.length > 0;
    if (focusIndex !== undefined) {
      const target = ul.querySelectorAll<HTMLElement>('[data-action="delete"]')[focusIndex];
      (target ?? root.querySelector<HTMLElement>("h2"))?.focus();
    }
  };
  renderSaved();
  addEventListener("storage", (event) => {
    if (event.key === SAVED_LISTS_KEY || event.key === null) renderSaved();
  });
  root.hidden = false;
}

/** Reads the practices from the page and shows the list the address carries, or the reader's own. */
export function mountLists(): void {
  const data = JSON.parse(document.querySelector("[data-lists-data]")!.textContent ?? "{}") as ListsData;
  const index = practiceIndex(data);
  const view = (name: string) => document.querySelector<HTMLElement>(`[data-view="${name}"]`)!;
  const shared = parseListQuery(location.search);
  if (shared) mountShared(view("shared"), shared, index);
  else mountWorking(view("working"), index);
  mountSaved(view("saved"));
}
