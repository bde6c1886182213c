import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { Root as MdastRoot } from "mdast";
import { isNode, parseDocument, type Document } from "yaml";
import type { ZodTypeAny } from "astro/zod";
import { BodyError, parseBody } from "./body.ts";
import { parsedOnce } from "./parse-cache.ts";
import type { Problem } from "./problems.ts";
import { decodeUtf8, ENCODING_FIX, EncodingError } from "./text-file.ts";
import { plainSchemas, type HomeData, type IndustryData, type PracticeData, type SectionData } from "./schemas.ts";

/** A content entry as read from disk: its id, its file, its validated frontmatter and its parsed body. */
export interface Entry<T> {
  id: string;
  /** Path relative to the working directory, for messages. */
  file: string;
  /** Absolute path. */
  path: string;
  /** The whole file's text, from which Astro's digest is taken. */
  text: string;
  /** Frontmatter as validated by the plain schema (defaults applied, references as ids). */
  data: T;
  /** Frontmatter as written, for Astro's own validation with `reference()`. */
  raw: Record<string, unknown>;
  body: string;
  /** The line of the file the body starts on, so body problems can name a line in the file. */
  bodyLine: number;
  /** The body parsed once (MDX + GFM); empty when it does not parse, with a problem saying why. */
  tree: MdastRoot;
  /** False when the body does not parse: such an entry is checked but never built. */
  renders: boolean;
}

/** The line in the file of a node of an entry's body (its tree counts from the body's first line). */
export function lineInEntry(
  entry: { bodyLine: number },
  node: { position?: { start: { line: number } } | undefined } | undefined,
): number | undefined {
  return node?.position ? entry.bodyLine - 1 + node.position.start.line : undefined;
}

export interface HandbookContent {
  home: Entry<HomeData>[];
  sections: Entry<SectionData>[];
  industries: Entry<IndustryData>[];
  practices: Entry<PracticeData>[];
}

export type CollectionName = keyof HandbookContent;

/** Where each collection lives under the content folder. */
export const COLLECTION_DIRS = {
  home: "home",
  sections: "sections",
  industries: "industries",
  practices: "practices",
} as const satisfies Record<CollectionName, string>;

/** The extension of an entry file; anything else in a collection's folder is refused, not skipped. */
export const ENTRY_EXTENSION = ".mdx";

/**
 * How each collection names its entries: by file name, except practices,
 * whose id is their `id` field so a published permalink never changes when a
 * file is renamed.
 */
const COLLECTIONS: { [K in CollectionName]: { schema: ZodTypeAny; idOf: (name: string, data: any) => string } } = {
  home: { schema: plainSchemas.home, idOf: (name) => fileId(name) },
  sections: { schema: plainSchemas.sections, idOf: (name) => fileId(name) },
  industries: { schema: plainSchemas.industries, idOf: (name) => fileId(name) },
  practices: { schema: plainSchemas.practices, idOf: (_, data: PracticeData) => data.id },
};

const fileId = (name: string) => name.slice(0, -ENTRY_EXTENSION.length);

/** Splits a Markdown/MDX file into its YAML frontmatter and body. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return match ? { frontmatter: match[1]!, body: match[2]! } : undefined;
}

const lineInFile = (frontmatterLine: number | undefined) =>
  frontmatterLine === undefined ? undefined : frontmatterLine + 1;

/**
 * The frontmatter line of the value at `path`, or of its nearest parent that
 * exists (a missing field is reported at the map it belongs in).
 */
function lineOfPath(doc: Document, path: readonly (string | number)[], frontmatter: string): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return frontmatter.slice(0, node.range[0]).split("\n").length;
  }
  return undefined;
}

/**
 * The line in an entry's file of a frontmatter value, e.g. `["changes", 0, "date"]`,
 * found the way schema problems find theirs: for checks that run after the
 * schema, such as a change note dated in the future.
 */
export function frontmatterLineOf(text: string, path: readonly (string | number)[]): number | undefined {
  const parts = splitFrontmatter(text);
  return parts && lineInFile(lineOfPath(parseDocument(parts.frontmatter), path, parts.frontmatter));
}

function allowedKeys(schema: ZodTypeAny): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Validates one file's frontmatter against its collection's schema and turns
 * each zod issue into a Problem naming the file, the field and the fix.
 */
export function validateEntry<T>(
  file: string,
  text: string,
  schema: ZodTypeAny,
): { data?: T; raw?: Record<string, unknown>; body: string; problems: Problem[] } {
  const parts = splitFrontmatter(text);
  if (!parts) {
    return {
      body: "",
      problems: [
        {
          kind: "frontmatter",
          file,
          line: 1,
          message: "the file has no frontmatter",
          fix: "start the file with a --- block of YAML fields, closed by another ---",
        },
      ],
    };
  }
  let raw: unknown;
  let doc: Document;
  try {
    doc = parseDocument(parts.frontmatter);
    // A warning (an unknown `!tag`) would go to the console without the file's
    // name while its value passed as plain text, so it counts as an error.
    const trouble = doc.errors[0] ?? doc.warnings[0];
    if (trouble) throw trouble;
    raw = doc.toJS() ?? {};
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return {
      body: parts.body,
      problems: [
        {
          kind: "frontmatter",
          file,
          line: lineInFile(line),
          // The parser's own "at line N" counts within the frontmatter; the file line is given instead.
          message: `the frontmatter is not valid YAML: ${(error as Error).message
            .split("\n")[0]!
            .replace(/ at line \d+, column \d+:?$/, "")}`,
          fix: "correct the YAML (quote values that contain a colon or start with !, & or *)",
        },
      ],
    };
  }
  const record = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data as T, raw: record, body: parts.body, problems: [] };
  const problems = result.error.issues.map((issue): Problem => {
    const field = issue.path.join(".") || undefined;
    const line = lineInFile(lineOfPath(doc, issue.path, parts.frontmatter));
    if (issue.code === "unrecognized_keys") {
      return {
        kind: "unknown-field",
        file,
        line: lineInFile(lineOfPath(doc, [...issue.path, issue.keys[0]!], parts.frontmatter)),
        field: issue.keys.join(", "),
        message: `unknown frontmatter key ${issue.keys.map((k) => `"${k}"`).join(", ")}`,
        fix: `remove it or correct its spelling; allowed keys: ${allowedKeys(schema).join(", ")}`,
      };
    }
    if (issue.code === "invalid_type" && issue.received === "undefined") {
      return {
        kind: "missing-field",
        file,
        line,
        field,
        message: `required field "${field}" is missing`,
        fix: `add "${field}" to the frontmatter`,
      };
    }
    // A schema's own refinement may say how to fix what it refuses (`params.fix`).
    const fix = issue.code === "custom" && typeof issue.params?.["fix"] === "string" ? issue.params["fix"] : undefined;
    return { kind: "invalid-field", file, line, field, message: issue.message, fix: fix ?? `correct "${field}"` };
  });
  return { raw: record, body: parts.body, problems };
}

/**
 * An entry file whose frontmatter the schema refused: not built, but it does
 * exist, so what points at it or what it covers is not reported a second
 * time as missing. `raw` is its frontmatter as written, when it parsed.
 */
export interface RejectedEntry {
  collection: CollectionName;
  file: string;
  /** The id it would have had: its `id` field (practices) or its file name. */
  id: string;
  raw: Record<string, unknown>;
}

/** A refused entry, with the id it would have had: its `id` field (practices) or its file name. */
function rejectedEntry(collection: CollectionName, file: string, name: string, raw: Record<string, unknown>): RejectedEntry {
  const id = collection === "practices" && typeof raw["id"] === "string" ? raw["id"] : fileId(name);
  return { collection, file, id, raw };
}

/**
 * What an entry says it is (`id`, `title`, `section`, `subsection`,
 * `heading`), read line by line from frontmatter too broken to parse (bad YAML,
 * bad bytes), so that its one real problem is not followed by false reports
 * that it does not exist.
 */
function identityOf(text: string): Record<string, unknown> {
  const frontmatter = /^(?:\ufeff)?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  const identity: Record<string, unknown> = {};
  for (const line of frontmatter.split(/\r?\n/)) {
    const match = /^(id|title|section|subsection|heading):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (match) identity[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, "$2");
  }
  return identity;
}

/** One file read and parsed: its entry (when the frontmatter is valid) and what is wrong with it. */
interface FileResult<T> {
  entry?: Entry<T>;
  rejected?: RejectedEntry;
  problems: Problem[];
}

const EMPTY_TREE: MdastRoot = { type: "root", children: [] };

/** Reads one entry file: frontmatter against the schema, then the body, parsed once. */
function readEntryFile<T>(path: string, file: string, text: string, collection: CollectionName): FileResult<T> {
  const { schema, idOf } = COLLECTIONS[collection];
  const name = path.slice(path.lastIndexOf("/") + 1);
  const checked = validateEntry<T>(file, text, schema);
  if (!checked.data) {
    return { problems: checked.problems, rejected: rejectedEntry(collection, file, name, checked.raw ?? identityOf(text)) };
  }
  const bodyLine = text.slice(0, text.length - checked.body.length).split("\n").length;
  const problems = [...checked.problems];
  let tree = EMPTY_TREE;
  let renders = true;
  try {
    tree = parseBody(checked.body);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    renders = false;
    problems.push({
      kind: "body",
      file,
      line: error.line === undefined ? undefined : bodyLine - 1 + error.line,
      message: error.reason,
      fix: error.fix,
    });
  }
  return {
    entry: {
      id: idOf(name, checked.data),
      file,
      path,
      text,
      data: checked.data,
      raw: checked.raw!,
      body: checked.body,
      bodyLine,
      tree,
      renders,
    },
    problems,
  };
}

/** Every file under a folder, depth first, as paths relative to it; hidden files (`.DS_Store`) are not content. */
function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((d) => !d.name.startsWith("."))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const path = prefix ? `${prefix}/${d.name}` : d.name;
      return d.isDirectory() ? listFiles(dir, path) : [path];
    });
}

/** Why a file in a collection's folder is not an entry, with the fix; undefined when it is one. */
function strayFile(collectionDir: string, path: string, file: string): Problem | undefined {
  if (path.includes("/")) {
    return {
      kind: "stray-file",
      file,
      message: `entries sit directly in ${collectionDir}/; a file in a subfolder would be neither checked nor built`,
      fix: `move it to ${collectionDir}/${path.slice(path.lastIndexOf("/") + 1)} (or delete it)`,
    };
  }
  if (!path.endsWith(ENTRY_EXTENSION)) {
    const stem = path.replace(/\.[^.]*$/, "");
    return {
      kind: "stray-file",
      file,
      message: `only ${ENTRY_EXTENSION} files are entries; this file would be neither checked nor built`,
      fix: /\.md$/.test(path)
        ? `rename it to ${collectionDir}/${stem}${ENTRY_EXTENSION}`
        : `move it out of ${collectionDir}/ (or rename it to ${stem}${ENTRY_EXTENSION} if it is an entry)`,
    };
  }
  return undefined;
}

/**
 * Reads one collection of the content folder: every entry file, validated
 * and parsed, and a problem for every file that is not an entry. This is the
 * one reader of content: the check (`npm run check:coverage`, the build's
 * first step) and the build's content loader both call it, so the entries that
 * are checked are the entries that are built.
 */
export function readCollection<K extends CollectionName>(
  contentDir: string,
  collection: K,
): { entries: HandbookContent[K]; problems: Problem[]; rejected: RejectedEntry[] } {
  const dir = join(contentDir, COLLECTION_DIRS[collection]);
  const entries: Entry<unknown>[] = [];
  const problems: Problem[] = [];
  const rejected: RejectedEntry[] = [];
  if (!existsSync(dir)) return { entries: [] as HandbookContent[K], problems, rejected };
  const shownDir = relative(process.cwd(), dir) || dir;
  for (const path of listFiles(dir)) {
    const absolute = join(dir, path);
    const file = relative(process.cwd(), absolute) || absolute;
    const stray = strayFile(shownDir, path, file);
    if (stray) {
      problems.push(stray);
      continue;
    }
    const bytes = readFileSync(absolute);
    let text: string;
    try {
      text = decodeUtf8(bytes);
    } catch (error) {
      if (!(error instanceof EncodingError)) throw error;
      problems.push({ kind: "encoding", file, line: error.line, message: error.message, fix: ENCODING_FIX });
      rejected.push(rejectedEntry(collection, file, basename(path), identityOf(new TextDecoder().decode(bytes))));
      continue;
    }
    const result = parsedOnce(absolute, text, () => readEntryFile(absolute, file, text, collection));
    problems.push(...result.problems);
    if (result.entry) entries.push(result.entry);
    if (result.rejected) rejected.push(result.rejected);
  }
  return { entries: entries as HandbookContent[K], problems, rejected };
}

/** Reads every collection of the content folder; see `readCollection`. */
export function loadContent(contentDir: string): {
  content: HandbookContent;
  problems: Problem[];
  rejected: RejectedEntry[];
} {
  const home = readCollection(contentDir, "home");
  const sections = readCollection(contentDir, "sections");
  const industries = readCollection(contentDir, "industries");
  const practices = readCollection(contentDir, "practices");
  return {
    content: {
      home: home.entries,
      sections: sections.entries,
      industries: industries.entries,
      practices: practices.entries,
    },
    problems: [...home.problems, ...sections.problems, ...industries.problems, ...practices.problems],
    rejected: [...home.rejected, ...sections.rejected, ...industries.rejected, ...practices.rejected],
  };
}
