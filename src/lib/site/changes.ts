import type { ChangeNote } from "../content/schemas.ts";
import { paths } from "./urls.ts";
import { industryTitle } from "./view-model.ts";

/**
 * The handbook's change notes as a log, for /changes/ and /changes.xml: every
 * note of every practice, section and industry page, with the page it is on,
 * newest first.
 */

/** A change note with the page it announces a change on. */
export interface PageChange extends ChangeNote {
  /** What kind of page it is on. */
  kind: "practice" | "section" | "industry";
  /** The page's site path, e.g. `/practices/crm-systems/`. */
  path: string;
  /** The page's title, e.g. "CRM Systems" or "Networking in Finance". */
  title: string;
  /** What the page is, shown after its title: a practice's section, "section guide", "industry brief". */
  context: string;
  /** Where /changes/ lists it within its date: under its section, or with the industry briefs. */
  group: string;
  /**
   * The same for this note at every build, so a feed reader never announces it
   * twice: the page's path, the date, and for a second note on the same day
   * its place among that day's notes counted from the oldest (a new note goes
   * on top, so older ones keep theirs).
   */
  key: string;
}

/** The parts of the view model the log reads. */
export interface ChangeSources {
  sections: readonly {
    id: string;
    title: string;
    changes: readonly ChangeNote[];
    practices: readonly { id: string; title: string; changes: readonly ChangeNote[] }[];
  }[];
  industries: readonly { id: string; title: string; changes: readonly ChangeNote[] }[];
}

/** The heading industry briefs are listed under on /changes/. */
export const INDUSTRY_GROUP = "Industry briefs";

/**
 * Every change note, newest first. Notes of one day keep the handbook's order:
 * each section's guide, then its practices in reading order, then the industry
 * briefs.
 */
export function changeLog(handbook: ChangeSources): PageChange[] {
  const log: PageChange[] = [];
  const add = (changes: readonly ChangeNote[], page: Omit<PageChange, keyof ChangeNote | "key">) => {
    changes.forEach((change, index) => {
      // Same-day notes below this one on the page are older: its place among the day's notes, from the oldest.
      const place = changes.slice(index).filter((c) => c.date === change.date).length;
      log.push({ ...change, ...page, key: `${page.path}${change.date}${place > 1 ? `/${place}` : ""}` });
    });
  };
  for (const section of handbook.sections) {
    const group = section.title;
    add(section.changes, {
      kind: "section",
      path: paths.section(section.id),
      title: section.title,
      context: "section guide",
      group,
    });
    for (const p of section.practices) {
      add(p.changes, { kind: "practice", path: paths.practice(p.id), title: p.title, context: section.title, group });
    }
  }
  for (const i of handbook.industries) {
    add(i.changes, {
      kind: "industry",
      path: paths.industry(i.id),
      title: industryTitle(i.title),
      context: "industry brief",
      group: INDUSTRY_GROUP,
    });
  }
  // A stable sort: within a day, the order above.
  return log.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** One day of the log, its notes under the headings /changes/ lists them by. */
export interface ChangeDay {
  date: string;
  groups: { title: string; changes: PageChange[] }[];
}

/** The log by day, newest first, and within a day by group in the log's order. */
export function changesByDay(log: readonly PageChange[]): ChangeDay[] {
  const days: ChangeDay[] = [];
  for (const change of log) {
    let day = days.at(-1);
    if (day?.date !== change.date) days.push((day = { date: change.date, groups: [] }));
    let group = day.groups.find((g) => g.title === change.group);
    if (!group) day.groups.push((group = { title: change.group, changes: [] }));
    group.changes.push(change);
  }
  return days;
}

/** A calendar month of the log: its own page, /changes/<yyyy-mm>/, so /changes/ stays one request. */
export interface ChangeMonth {
  /** `2026-11`, the month's URL segment. */
  month: string;
  days: ChangeDay[];
}

/** The days by calendar month, newest first; /changes/ shows the first, and links the rest. */
export function changesByMonth(days: readonly ChangeDay[]): ChangeMonth[] {
  const months: ChangeMonth[] = [];
  for (const day of days) {
    const month = day.date.slice(0, 7);
    if (months.at(-1)?.month !== month) months.push({ month, days: [] });
    months.at(-1)!.days.push(day);
  }
  return months;
}

/** "November 2026" for `2026-11`, as the month's heading and link say it. */
export const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
