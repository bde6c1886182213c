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
const isoDate = () =>
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

/**
 * Where a page's claims come from: a study, a platform's help page, a rule.
 * Every field is required, so a reader can judge a source without opening it.
 */
export const sourceSchema = () =>
  z
    .object({
      /** The title as the publisher gives it, e.g. "A causal test of the strength of weak ties". */
      title: z.string().trim().min(1, "give the source's title as its publisher gives it"),
      /** Who published it: a journal, a platform's help center, a regulator. */
      publisher: z.string().trim().min(1, "name who published it, e.g. Science or LinkedIn Help"),
      /** Its address, https:// preferred; shown as an ordinary link under the body. */
      url: z.string().refine(isWebUrl, "give a full address starting https://, with no spaces"),
      /** Year of publication, or the year it was read for an undated page. */
      year: z
        .number({ invalid_type_error: "give the year as a number, e.g. 2022" })
        .int("give the year as a whole number, e.g. 2022")
        .min(1900, "give a four-digit year, e.g. 2022")
        .max(2100, "give a four-digit year, e.g. 2022"),
    })
    .strict();

/** The fields every page that makes claims carries: when it was last checked, and what it rests on. */
const editorialFields = () => ({
  /** The day a person last checked this page against content/EDITORIAL.md and its sources; shown as "Last reviewed". */
  reviewed: isoDate().optional(),
  /** Sources for the page's empirical claims (studies, figures, platform limits, rules), listed under the body. */
  sources: z.array(sourceSchema()).default([]),
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
      /** Industries whose readers need it: the four industry practices carry their own, general practices are tagged where an industry page recommends them. */
      industries: z.array(ref("industries")).default([]),
      /** Ids of practices to read next, best first. */
      related: z.array(id()).default([]),
      /** Former ids of this practice; each keeps redirecting to it. */
      aliases: z.array(id()).default([]),
      ...editorialFields(),
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
export type SourceData = z.output<ReturnType<typeof sourceSchema>>;
