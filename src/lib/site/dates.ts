/** Month names, January first. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A YYYY-MM-DD date as an American reader writes it, "November 30, 2026".
 * Written out by hand, not with `Intl`, so the page never depends on the
 * build machine's locale data or time zone.
 */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new Error(`formatIsoDate: expected YYYY-MM-DD, received "${iso}"`);
  return `${month} ${Number(match[3])}, ${match[1]}`;
}
