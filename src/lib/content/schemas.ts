import { z, type ZodTypeAny } from "astro/zod";

/**
 * The frontmatter schemas of the handbook's collections, written once.
 *
 * Astro validates entries with `reference()` for links between collections;
 * the coverage check runs outside Astro and validates the same files with
 * plain string ids. Each schema therefore takes the reference builder as a
 * parameter instead of importing `astro:content`, so both share one definition.
 */
export type RefBuilder<R extends ZodTypeAny = ZodTypeAny> = (collection: "sections" | "industries" | "practices") => R;

/** A practice id: lowercase words joined by single hyphens, as published in URLs. */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = () =>
  z.string().regex(idPattern, "use lowercase letters, digits and single hyphens, e.g. follow-up-event-networking");

/** A calendar date as YAML writes it unquoted, `2026-11-30`; kept as text so no time zone can shift it. */
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
export const isoDate = () =>
  z
    .string()
    .regex(isoDatePattern, "write the date as YYYY-MM-DD, e.g. 2026-11-30")
    .refine((text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    }, "this is not a calendar date; write a real day as YYYY-MM-DD");

/** An address a reader can open: http(s), a host with a dot, no spaces. */
export function isWebUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && /^[^.]+(\.[^.]+)+$/.test(url.hostname);
  } catch {
    return false;
  }
}

/** Most characters in a change note: one sentence, shown under a page's body beside its review date. */
const CHANGE_NOTE_MAX = 160;

/**
 * One change a returning reader should know about: a fact corrected, advice
 * rewritten, a source added, a practice renamed. Typo and formatting fixes get
 * none (content/EDITORIAL.md, "Change notes"). The content check refuses a
 * date after today.
 */
export const changeSchema = () =>
  z
    .object({
      /** The day the change was published, YYYY-MM-DD; never after today (UTC). */
      date: isoDate(),
      /** What changed for the reader, as one plain sentence in American English, e.g. "The LinkedIn invitation limits are corrected." */
      note: z.preprocess(
        // `note:` with nothing after it is YAML's null: a note with no text, like "".
        (value) => (value === null ? "" : value),
        z
          .string()
          .trim()
          .refine((text) => text.length > 0, {
            message: "the note has no text",
            params: { fix: 'say in one sentence what changed for the reader, e.g. "The LinkedIn invitation limits are corrected."' },
          })
          .refine((text) => text.length <= CHANGE_NOTE_MAX, {
            message: `the note is longer than ${CHANGE_NOTE_MAX} characters`,
            params: { fix: "say what changed in one short sentence; the page shows it under the body" },
          })
          .refine((text) => !/[\n<>`*[\]]/.test(text), {
            message: "the note contains a line break or markup",
            params: { fix: "write it as one line of plain text: no Markdown, HTML or line breaks" },
          }),
      ),
    })
    .strict();
export type ChangeNote = z.output<ReturnType<typeof changeSchema>>;

/**
 * A page's change notes, newest first as the page and /changes/ show them: a
 * new note goes on top. Same-day notes keep their order.
 */
const changeLog = () =>
  z
    .array(changeSchema())
    .superRefine((notes, ctx) => {
      notes.forEach((change, index) => {
        const above = notes[index - 1];
        if (above && change.date > above.date) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [index, "date"],
            message: `the notes are listed newest first, and this one (${change.date}) is newer than the one above it (${above.date})`,
            params: { fix: "move the newer note above the older one" },
          });
        }
      });
    })
    .default([]);

/** The fields every page that makes claims carries: when it was last checked, and what it rests on. */
const editorialFields = () => ({
  /** The day a person last checked this page against content/EDITORIAL.md and its sources; shown as "Last reviewed". */
  reviewed: isoDate().optional(),
  /**
   * Keys of the sources in content/sources.yaml that the page's empirical claims (studies, figures,
   * platform limits, rules) rest on, in the order the page lists them under the body.
   */
  sources: z
    .array(z.string().regex(idPattern, "give the source's key from content/sources.yaml, e.g. rajkumar-2022-weak-ties"))
    .default([]),
});

export const practiceSchema = <R extends ZodTypeAny>(ref: RefBuilder<R>) =>
  z
    .object({
      /** The permalink id: `/practices/<id>/` and `#<id>` on its section page. Never derived again once published; rename by adding the old id to `aliases`. */
      id: id().describe("permalink id, unique across the handbook"),
      /** The bold title of the source bullet, verbatim. */
      title: z.string().min(1),
      /** The source bullet's text after `**Title**: `, verbatim. The coverage check compares it byte for byte. */
      source: z.string().min(1),
      /** The section this practice belongs to (a `sections` entry id). */
      section: ref("sections"),
      /** The `###` heading it sits under in the source, verbatim. */
      subsection: z.string().min(1),
      /**
       * Questions a reader would type that this page answers, phrased as people ask them
       * ("how soon should I follow up after meeting someone?"). Search weighs them just below the title,
       * and the page lists them under "Answers". The check (src/lib/content/questions.ts) asks for 2–5,
       * each ending in "?", none the title, none asked on another page.
       */
      questions: z.array(z.string().trim().min(1)).default([]),
      /** Industries whose readers need it: the four industry practices carry their own, general practices are tagged where an industry page recommends them. */
      industries: z.array(ref("industries")).default([]),
      /** Ids of practices to read next, best first. */
      related: z.array(id()).default([]),
      /** Former ids of this practice; each keeps redirecting to it. */
      aliases: z.array(id()).default([]),
      ...editorialFields(),
      /** What changed for a returning reader, newest first; the latest shows under the body, all on /changes/ and in /changes.xml. */
      changes: changeLog(),
    })
    .strict();

export const sectionSchema = () =>
  z
    .object({
      /** Display title; usually the source heading. */
      title: z.string().min(1),
      /** The `##` heading of the source this entry covers, verbatim. */
      heading: z.string().min(1),
      /** Position in the handbook, 1 for the first topical section. */
      order: z.number().int().positive(),
      /** One sentence for listings and the meta description. */
      summary: z.string().min(1),
      /** The `###` subsections in source order, each with a short lead-in of our own. */
      subsections: z
        .array(
          z
            .object({
              /** The `###` heading, verbatim. */
              title: z.string().min(1),
              /** One or two sentences introducing the subsection. */
              intro: z.string().default(""),
            })
            .strict(),
        )
        .min(1),
      ...editorialFields(),
      /** What changed in the section guide for a returning reader, newest first; the latest shows at the guide's end, all on /changes/ and in /changes.xml. */
      changes: changeLog(),
    })
    .strict();

export const industrySchema = <R extends ZodTypeAny>(ref: RefBuilder<R>) =>
  z
    .object({
      /** Display name, e.g. "Technology". */
      title: z.string().min(1),
      /** The source's `### … Industry` heading this entry stands for, verbatim. */
      subsection: z.string().min(1),
      /** Position in listings. */
      order: z.number().int().positive(),
      /** One sentence for listings and the meta description. */
      summary: z.string().min(1),
      /** General practices from other sections that matter most in this industry, each with why. */
      highlights: z
        .array(
          z
            .object({
              /** A practice id. */
              practice: ref("practices"),
              /** One sentence: why this practice matters in this industry. */
              why: z.string().min(1),
            })
            .strict(),
        )
        .default([]),
      ...editorialFields(),
      /** What changed in the industry brief for a returning reader, newest first; the latest shows under the brief, all on /changes/ and in /changes.xml. */
      changes: changeLog(),
    })
    .strict();

export const homeSchema = () =>
  z
    .object({
      /** The page title. */
      title: z.string().min(1),
      /** The source's `##` heading the home page covers ("Overview"), verbatim. */
      heading: z.string().min(1),
      /** The Overview paragraph, verbatim. */
      source: z.string().min(1),
      /** One sentence for the meta description. */
      summary: z.string().min(1),
      ...editorialFields(),
    })
    .strict();

/** The same schemas with references as plain string ids, for code that runs outside Astro. */
const plainRef = () => z.string().min(1);
export const plainSchemas = {
  home: homeSchema(),
  sections: sectionSchema(),
  industries: industrySchema(plainRef),
  practices: practiceSchema(plainRef),
};
export type PracticeData = z.output<(typeof plainSchemas)["practices"]>;
export type SectionData = z.output<(typeof plainSchemas)["sections"]>;
export type IndustryData = z.output<(typeof plainSchemas)["industries"]>;
export type HomeData = z.output<(typeof plainSchemas)["home"]>;
