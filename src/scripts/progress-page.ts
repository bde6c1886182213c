import { browserStore, parseProgress, PROGRESS_KEY, readKey, writeKey } from "../lib/lists/storage.ts";
import {
  clearTicks,
  currentIds,
  importSummary,
  mergeTicks,
  progressFile,
  progressMarkdown,
  readProgressFile,
  type ChecklistSection,
} from "../lib/progress/progress-file.ts";

/**
 * The progress page's tools: export the ticks as JSON or as a Markdown
 * checklist, import a JSON file, clear all ticks or one section's. The page
 * lists every practice (`li[data-p]` with its link and old ids in `data-a`),
 * which is all the handbook this needs. ReaderControls shows the ticks and
 * counts; after a change here it is told as another tab would tell it, by a
 * `storage` event.
 */
const status = document.querySelector<HTMLElement>("[data-progress-status]")!;
const entries = [...document.querySelectorAll<HTMLElement>("li[data-p]")].map((li) => {
  const link = li.querySelector("a")!;
  const id = link.pathname.split("/").at(-2)!;
  return { li, id, aliases: li.dataset["a"]?.split(" ") ?? [], title: link.textContent!.trim(), url: link.href };
});
const canonical = new Map(entries.flatMap((e) => [e.id, ...e.aliases].map((name) => [name, e.id] as const)));

const store = browserStore();
const stored = () => parseProgress(readKey(store, PROGRESS_KEY));
const save = (done: string[]) => {
  const saved = writeKey(store, PROGRESS_KEY, JSON.stringify({ v: 1, done }));
  dispatchEvent(new StorageEvent("storage", { key: PROGRESS_KEY }));
  return saved;
};
const say = (message: string) => (status.textContent = message);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const today = () => new Date().toISOString().slice(0, 10);
for (const button of document.querySelectorAll<HTMLButtonElement>("[data-export]")) {
  button.addEventListener("click", () => {
    const done = currentIds(stored(), canonical);
    if (button.dataset["export"] === "json") {
      download(`networking-progress-${today()}.json`, "application/json", progressFile(done, new Date()));
      say(`Exported ${plural(done.length, "tick")} as networking-progress-${today()}.json.`);
      return;
    }
    const sections: ChecklistSection[] = [...document.querySelectorAll<HTMLElement>("[data-section]")].map((s) => ({
      title: s.dataset["section"]!,
      practices: entries
        .filter((e) => s.contains(e.li))
        .map((e) => ({ title: e.title, url: e.url, done: done.includes(e.id) })),
    }));
    download(`networking-progress-${today()}.md`, "text/markdown", progressMarkdown(sections, new Date()));
    say(
      `Exported a checklist of ${entries.length} practices, ${done.length} ticked, as networking-progress-${today()}.md.`,
    );
  });
}

const file = document.querySelector<HTMLInputElement>("[data-file]")!;
document.querySelector("[data-import]")!.addEventListener("click", () => file.click());
file.addEventListener("change", async () => {
  const chosen = file.files?.[0];
  file.value = "";
  if (!chosen) return;
  const result = readProgressFile(await chosen.text(), canonical);
  if (!result.ok) {
    say(`${chosen.name}: ${result.problem}`);
    return;
  }
  const before = currentIds(stored(), canonical);
  const after = mergeTicks(stored(), result.ids, canonical);
  const kept = save(after);
  say(
    importSummary(result, after.length - before.length) +
      (kept ? "" : " This browser won't keep them: they last until you leave the page."),
  );
});

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-clear]")) {
  button.addEventListener("click", () => {
    const section = button.dataset["clear"];
    const scope = section
      ? entries.filter((e) => e.li.closest<HTMLElement>("[data-section]")?.dataset["section"] === section)
      : entries;
    const ids = scope.map((e) => e.id);
    const ticked = currentIds(stored(), canonical).filter((id) => ids.includes(id)).length;
    if (ticked === 0) {
      say(section ? `No ticks in ${section} to clear.` : "There are no ticks to clear.");
      return;
    }
    const what = section ? `the ${plural(ticked, "tick")} in ${section}` : `all ${plural(ticked, "tick")}`;
    if (!confirm(`Clear ${what}? Export them first if you may want them back.`)) return;
    save(section ? clearTicks(stored(), ids, canonical) : []);
    say(`Cleared ${what}.`);
  });
}
