import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import type { ZodTypeAny } from "astro/zod";
import { plainSchemas, type HomeData, type IndustryData, type PracticeData, type SectionData } from "./schemas.ts";
import type { Problem } from "./problems.ts";

/** A content entry as read from disk: its id, its file, its validated frontmatter and its MDX body. */
export interface Entry<T> {
  id: string;
  /** Path relative to the working directory, for messages. */
  file: string;
  data: T;
  body: string;
  /** The line of the file the body starts on, so body problems can name a line in the file. */
  bodyLine: number;
}

export interface HandbookContent {
  home: Entry<HomeData>[];
  sections: Entry<SectionData>[];
  industries: Entry<IndustryData>[];
  practices: Entry<PracticeData>[];
}

/** Where each collection lives under the content folder; Astro's loaders use the same layout. */
export const COLLECTION_DIRS = {
  home: "home",
  sections: "sections",
  industries: "industries",
  practices: "practices",
} as const;

/** Splits a Markdown/MDX file into its YAML frontmatter and body. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return match ? { frontmatter: match[1]!, body: match[2]! } : undefined;
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
): { data?: T; body: string; problems: Problem[] } {
  const parts = splitFrontmatter(text);
  if (!parts) {
    return {
      body: "",
      problems: [
        {
          kind: "frontmatter",
          file,
          message: "the file has no frontmatter",
          fix: "start the file with a --- block of YAML fields, closed by another ---",
        },
      ],
    };
  }
  let raw: unknown;
  try {
    raw = parseYaml(parts.frontmatter);
  } catch (error) {
    return {
      body: parts.body,
      problems: [
        {
          kind: "frontmatter",
          file,
          message: `the frontmatter is not valid YAML: ${(error as Error).message}`,
          fix: "correct the YAML (quote values that contain a colon)",
        },
      ],
    };
  }
  const result = schema.safeParse(raw ?? {});
  if (result.success) return { data: result.data as T, body: parts.body, problems: [] };
  const problems = result.error.issues.map((issue): Problem => {
    const field = issue.path.join(".") || undefined;
    if (issue.code === "unrecognized_keys") {
      return {
        kind: "unknown-field",
        file,
        field: issue.keys.join(", "),
        message: `unknown frontmatter key ${issue.keys.map((k) => `"${k}"`).join(", ")}`,
        fix: `remove it or correct its spelling; allowed keys: ${allowedKeys(schema).join(", ")}`,
      };
    }
    if (issue.code === "invalid_type" && issue.received === "undefined") {
      return {
        kind: "missing-field",
        file,
        field,
        message: `required field "${field}" is missing`,
        fix: `add "${field}" to the frontmatter`,
      };
    }
    return { kind: "invalid-field", file, field, message: issue.message, fix: `correct "${field}"` };
  });
  return { body: parts.body, problems };
}

function readCollection<T>(dir: string, schema: ZodTypeAny, idOf: (file: string, data: T) => string) {
  const entries: Entry<T>[] = [];
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { entries, problems };
  for (const name of readdirSync(dir).sort()) {
    if (!/\.mdx?$/.test(name)) continue;
    const path = join(dir, name);
    const file = relative(process.cwd(), path) || path;
    const text = readFileSync(path, "utf8");
    const checked = validateEntry<T>(file, text, schema);
    problems.push(...checked.problems);
    if (checked.data) {
      const bodyLine = text.slice(0, text.length - checked.body.length).split("\n").length;
      entries.push({ id: idOf(name, checked.data), file, data: checked.data, body: checked.body, bodyLine });
    }
  }
  return { entries, problems };
}

const fileId = (name: string) => name.replace(/\.mdx?$/, "");

/**
 * Reads every entry of the content folder the way Astro's loaders do (file
 * name as id, except practices, whose id is their `id` field) and validates
 * each against its schema. Returns what could be read and every problem found.
 */
export function loadContent(contentDir: string): { content: HandbookContent; problems: Problem[] } {
  const home = readCollection<HomeData>(join(contentDir, COLLECTION_DIRS.home), plainSchemas.home, fileId);
  const sections = readCollection<SectionData>(
    join(contentDir, COLLECTION_DIRS.sections),
    plainSchemas.sections,
    fileId,
  );
  const industries = readCollection<IndustryData>(
    join(contentDir, COLLECTION_DIRS.industries),
    plainSchemas.industries,
    fileId,
  );
  const practices = readCollection<PracticeData>(
    join(contentDir, COLLECTION_DIRS.practices),
    plainSchemas.practices,
    (_, data) => data.id,
  );
  return {
    content: {
      home: home.entries,
      sections: sections.entries,
      industries: industries.entries,
      practices: practices.entries,
    },
    problems: [...home.problems, ...sections.problems, ...industries.problems, ...practices.problems],
  };
}
