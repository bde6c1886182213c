import type { Problem } from "./problems.ts";
import { frontmatterLineOf, type Entry } from "./read-entries.ts";
import type { ChangeNote } from "./schemas.ts";

/** An entry that may carry change notes: a practice, a section or an industry. */
export type EntryWithChanges = Entry<{ changes: ChangeNote[] }>;

/**
 * Change notes dated after `today` (YYYY-MM-DD, UTC): a note announces a
 * change readers can already see, so it is dated the day the change is
 * published, never ahead of it. Each problem names the note's line and field.
 */
export function checkChangeDates(entries: readonly EntryWithChanges[], today: string): Problem[] {
  return entries.flatMap((entry) =>
    entry.data.changes.flatMap((change, index): Problem[] =>
      change.date > today
        ? [
            {
              kind: "change-date",
              file: entry.file,
              line: frontmatterLineOf(entry.text, ["changes", index, "date"]),
              field: `changes.${index}.date`,
              message: `the change note is dated ${change.date}, which is after today (${today})`,
              fix: "date it the day the change is published; add the note with the change itself, not ahead of it",
            },
          ]
        : [],
    ),
  );
}
