import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { z } from "astro/zod";
import { isNode, parseDocument, type Document } from "yaml";
import type { Problem } from "./problems.ts";
import { idPattern, isoDate, isWebUrl } from "./schemas.ts";
import { ENCODING_FIX, EncodingError, readUtf8 } from "./text-file.ts";
import { isOfficialAddress, officialAddressFix } from "./official-hosts.ts";

/** The register's file in the content folder: every source the handbook cites, once. */
export const REGISTER_FILE = "sources.yaml";

/**
 * What a source is, so a reader knows how much weight it bears. Statutes,
 * regulations, regulators' guidance and platforms' help must be cited at
 * their official address (`official-hosts.ts`). A public body is a
 * government or city body that is not a regulator (a city's own holiday
 * calendar); a professional body sets a profession's code (BCS, CFA
 * Institute, ABPI); an organization's own page says what it is or what its
 * rules are (an event organizer's entry rules, an open-source project's
 * contribution policy); an article is a magazine piece (Harvard Business
 * Review), not peer-reviewed.
 */
export const SOURCE_KINDS = [
  "statute",
  "regulation",
  "regulator guidance",
  "platform help",
  "public body",
  "peer-reviewed study",
  "professional body",
  "organization",
  "article",
  "book",
  "news",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A study is explained on one page and mentioned on at most two more; past that, the handbook is retelling it. */
export const STUDY_PAGES_MAX = 3;
/** Kinds held to STUDY_PAGES_MAX: findings and arguments a page retells, unlike a rule or a help page several pages apply. */
export const STUDY_KINDS: readonly SourceKind[] = ["peer-reviewed study", "article", "book"];

/** One source in the register, cited from pages by its key. */
export const registerSourceSchema = () =>
  z
    .object({
      /** How pages cite it, e.g. `rajkumar-2022-weak-ties`: lowercase words and digits joined by hyphens; never reused. */
      key: z.string().regex(idPattern, "use lowercase letters, digits and single hyphens, e.g. rajkumar-2022-weak-ties"),
      /** The title as the publisher gives it. */
      title: z.string().trim().min(1, "give the source's title as its publisher gives it"),
      /** Who published it: the journal, the platform's help center, the regulator, the publisher of a book. */
      publisher: z.string().trim().min(1, "name who published it, e.g. Science or LinkedIn Help"),
      /** Its address; for statutes, regulations, guidance and platform help, the official one. */
      url: z.string().refine(isWebUrl, "give a full address starting https://, with no spaces"),
      /** Year of publication, or the year it was read for an undated page. */
      year: z.number().int().min(1900, "give a four-digit year, e.g. 2022").max(2100, "give a four-digit year, e.g. 2022"),
      /** What it is (SOURCE_KINDS). */
      kind: z.enum(SOURCE_KINDS, { message: `give one of: ${SOURCE_KINDS.join(", ")}` }),
      /** The day a person last opened it and found that it still says what the pages say it says. */
      checked: isoDate(),
    })
    .strict();
export type RegisterSource = z.output<ReturnType<typeof registerSourceSchema>>;

/** A register source with the line it starts on, for messages. */
export interface RegisteredSource extends RegisterSource {
  line: number | undefined;
}

export interface SourceRegister {
  /** The register's path as messages show it. */
  file: string;
  sources: RegisteredSource[];
  /** Each source by its key. */
  byKey: Map<string, RegisteredSource>;
  problems: Problem[];
}

const lineOf = (doc: Document, text: string, path: (string | number)[]) => {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return text.slice(0, node.range[0]).split("\n").length;
  }
  return undefined;
};

/**
 * Parses the register's text: a YAML list of sources, each checked against
 * the schema, with keys and addresses unique and rules cited at their
 * official address. Every problem names the line, the field and the fix.
 */
export function parseRegister(text: string, file: string): SourceRegister {
  const problems: Problem[] = [];
  const register: SourceRegister = { file, sources: [], byKey: new Map(), problems };
  const doc = parseDocument(text);
  const trouble = doc.errors[0] ?? doc.warnings[0];
  if (trouble) {
    problems.push({
      kind: "source-register",
      file,
      line: trouble.linePos?.[0]?.line,
      message: `the register is not valid YAML: ${trouble.message.split("\n")[0]}`,
      fix: "correct the YAML (quote titles that contain a colon)",
    });
    return register;
  }
  const items: unknown = doc.toJS() ?? [];
  if (!Array.isArray(items)) {
    problems.push({
      kind: "source-register",
      file,
      line: 1,
      message: "the register is not a list",
      fix: "write each source as a list item starting `- key: …`",
    });
    return register;
  }
  const schema = registerSourceSchema();
  const urls = new Map<string, string>();
  items.forEach((item, index) => {
    const line = lineOf(doc, text, [index]);
    const result = schema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join(".");
        const missing = issue.code === "invalid_type" && (item as Record<string, unknown>)?.[field] === undefined;
        const unknown = issue.code === "unrecognized_keys";
        const at = unknown ? [...issue.path, ...((issue as { keys?: string[] }).keys ?? []).slice(0, 1)] : issue.path;
        problems.push({
          kind: "source-register",
          file,
          line: lineOf(doc, text, [index, ...at]) ?? line,
          field: unknown ? (issue as { keys?: string[] }).keys?.join(", ") : field || undefined,
          message: missing ? `required field "${field}" is missing` : unknown ? "unknown field" : issue.message,
          fix: unknown
            ? `remove it; a source has ${Object.keys(schema.shape).join(", ")}`
            : `give "${field}" (${schemaFieldHint(field)})`,
        });
      }
      return;
    }
    const source: RegisteredSource = { ...result.data, line };
    if (register.byKey.has(source.key)) {
      problems.push({
        kind: "source-register",
        file,
        line,
        field: "key",
        message: `the key "${source.key}" is used by another source (line ${register.byKey.get(source.key)!.line})`,
        fix: "give each source its own key; if it is the same source, keep one entry",
      });
      return;
    }
    const seenAt = urls.get(normalizeUrl(source.url));
    if (seenAt) {
      problems.push({
        kind: "source-register",
        file,
        line,
        field: "url",
        message: `this address is already in the register as "${seenAt}"`,
        fix: `cite "${seenAt}" instead and delete this entry`,
      });
    }
    if (!isOfficialAddress(source.kind, source.url)) {
      problems.push({
        kind: "source-register",
        file,
        line: lineOf(doc, text, [index, "url"]) ?? line,
        field: "url",
        message: `a ${source.kind} source must be cited at its official address, and ${new URL(source.url).hostname} is not one`,
        fix: officialAddressFix(source.kind),
      });
    }
    urls.set(normalizeUrl(source.url), source.key);
    register.sources.push(source);
    register.byKey.set(source.key, source);
  });
  return register;
}

/** The same page at an address written another way (a trailing slash, `www.`, http) is the same source. */
function normalizeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname.replace(/^www\./, "")}${parsed.pathname.replace(/\/$/, "")}${parsed.search}`;
}

function schemaFieldHint(field: string): string {
  switch (field) {
    case "kind":
      return `one of: ${SOURCE_KINDS.join(", ")}`;
    case "checked":
      return "the day it was last opened and checked, YYYY-MM-DD";
    case "year":
      return "a four-digit number, e.g. 2022";
    case "url":
      return "a full address starting https://";
    default:
      return "see the comment at the top of the register";
  }
}

/** Reads `content/sources.yaml`; a handbook without one has no sources (and any key a page cites is unknown). */
export function readRegister(contentDir: string): SourceRegister {
  const path = join(contentDir, REGISTER_FILE);
  const file = relative(process.cwd(), path) || path;
  if (!existsSync(path)) return { file, sources: [], byKey: new Map(), problems: [] };
  try {
    return parseRegister(readUtf8(path), file);
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    return {
      file,
      sources: [],
      byKey: new Map(),
      problems: [{ kind: "encoding", file, line: error.line, message: error.message, fix: ENCODING_FIX }],
    };
  }
}
