/**
 * The given names a page's examples cast as people, so the check can stop one
 * invented colleague from turning up on page after page.
 *
 * A name is a capitalized word in a place only a person stands in a sentence:
 * after a greeting ("Hi Elif,"), as a message's sign-off, before an apposition
 * ("Kwame, a nurse…") or as the subject of a verb in the past tense ("Amara
 * sent…", "Lucía asked…"). Words the handbook also writes in lowercase
 * ("Instead, a…"), and names that are not people (platforms, days, months),
 * are not names. This misses a name that is also a common word (Grace, Will),
 * which is the safe way to be wrong: the check never blames a sentence that
 * names no one.
 */

import { MONTHS } from "../site/dates.ts";

/** Capitalized words in person positions that are not people in this handbook. */
export const NOT_PEOPLE = new Set([
  // Titles, which stand before a name rather than for one.
  "Dr",
  "Mr",
  "Mrs",
  "Ms",
  "Mx",
  "Prof",
  "Professor",
  // Places that have stood where a person could.
  "Melbourne",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
  ...MONTHS,
  "Slack",
  "Zoom",
  "Meetup",
  "Eventbrite",
  "Calendly",
  "Notion",
  "Canva",
  "Gmail",
  "Outlook",
  "Google",
  "Microsoft",
  "Teams",
  "Discord",
  "Reddit",
  "Mastodon",
  "Bluesky",
  "Threads",
  "Instagram",
  "Facebook",
  "Twitter",
  "Excel",
  "Airtable",
  "Trello",
  "Asana",
  "Hubspot",
  "Salesforce",
]);

// A capitalized word, lowercase after its first letter: "Kwame", "Lucía", "O'Neill" is left to the next rule.
const NAME = String.raw`([\p{Lu}][\p{Ll}]+(?:-[\p{Lu}][\p{Ll}]+)?)`;
const PAST = String.raw`(?:[\p{Ll}]+ed|sent|wrote|met|said|told|took|gave|got|found|made|went|came|began|kept|spent|left|felt|thought|heard|ran|led|brought|built|chose|knew|saw|set|put|read|won|lost|paid|sat|stood|spoke|bought|caught|taught|drew|meant|hit|cut|let|became|forgot)`;

const POSITIONS: RegExp[] = [
  new RegExp(String.raw`(?:^|[^\p{L}])(?:Hi|Hello|Hey|Dear|Thanks|Thank you),? ${NAME}\b`, "gu"),
  new RegExp(String.raw`(?:^|[.!?]\s+|\n)${NAME}, (?:a|an|the|who|whose|now|then|our|my|his|her|their)\b`, "gu"),
  new RegExp(String.raw`(?:^|[^\p{L}])${NAME} ${PAST}\b`, "gu"),
  new RegExp(String.raw`(?:^|[^\p{L}])${NAME}'s [\p{Ll}]`, "gu"),
];

/** A message's sign-off: a paragraph of one or two capitalized words, e.g. "Mateus" or "Ana Ruiz". */
const SIGN_OFF = new RegExp(String.raw`^${NAME}(?: [\p{Lu}][\p{Ll}]+)?$`, "u");

export interface NamedPerson {
  name: string;
  /** Offset in the text where the name is first cast as a person. */
  index: number;
}

/**
 * The given names `text` casts as people, first appearance each. `lowercase`
 * holds words the handbook writes in lowercase anywhere: those are ordinary
 * words at the start of a sentence, not names. `signOffs` are message
 * paragraphs to read as sign-offs.
 */
export function namesCast(
  text: string,
  lowercase: ReadonlySet<string>,
  signOffs: readonly { text: string; index: number }[] = [],
): NamedPerson[] {
  const found = new Map<string, number>();
  const consider = (name: string, index: number) => {
    const first = name.split("-")[0]!;
    const lower = first.toLowerCase();
    // "Forecasts show…", "Impressed, the…": an ordinary word, inflected, at a sentence's start.
    const ordinary = [lower, lower.replace(/(?:es|s|ed|d)$/, "")].some((w) => lowercase.has(w));
    if (NOT_PEOPLE.has(name) || ordinary) return;
    if (!found.has(name) || found.get(name)! > index) found.set(name, index);
  };
  for (const pattern of POSITIONS) {
    for (const match of text.matchAll(pattern)) consider(match[1]!, match.index + match[0].indexOf(match[1]!));
  }
  for (const paragraph of signOffs) {
    const match = SIGN_OFF.exec(paragraph.text.trim());
    if (match) consider(match[1]!, paragraph.index);
  }
  return [...found].map(([name, index]) => ({ name, index })).sort((a, b) => a.index - b.index);
}

/** Every word written in lowercase in `texts`, for `namesCast`. */
export function lowercaseWords(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/(?<![\p{L}])[\p{Ll}][\p{L}'’-]*/gu)) words.add(match[0]);
  return words;
}
