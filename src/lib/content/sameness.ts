import { toString } from "mdast-util-to-string";
import { castByName, EDITORIAL, phrasePages, siblingScores, type AnyEntry } from "./editorial.ts";
import { analyzeBody } from "./practice-parts.ts";
import type { HandbookContent } from "./read-entries.ts";
import { textSimilarity } from "./similarity.ts";

/** The handbook read as a whole: the figures that show whether its pages sound like one template. */
export interface SamenessReport {
  practices: number;
  reviewed: number;
  withSources: number;
  /** Distinct sources (register keys) cited across all pages. */
  distinctSources: number;
  /** The most common sequence of `##` parts, and the share of practices that use it. */
  outline: { parts: string; share: number };
  /** Body words of practices: smallest, median, largest, and the coefficient of variation (spread ÷ mean). */
  words: { min: number; median: number; max: number; cv: number };
  /** How many practices have each number of steps. */
  steps: Record<number, number>;
  phrases: { phrase: string; pages: number; cap: number }[];
  /** Given names that play people on more than one page, most used first. */
  names: { name: string; pages: number }[];
  /** Every pair of practices that share a title, with how alike they read. */
  siblings: { a: string; b: string; score: number }[];
  /** The most alike pairs of practices in the whole handbook. */
  closestPairs: { a: string; b: string; score: number }[];
}

/** Works out the report's figures over every practice, reviewed or not. */
export function samenessReport(content: HandbookContent, closest = 5): SamenessReport {
  const practices = content.practices;
  const analyses = practices.map((p) => analyzeBody(p.tree));
  const outlines = new Map<string, number>();
  for (const a of analyses) {
    const key = a.headings.map((h) => h.text).join(" → ");
    outlines.set(key, (outlines.get(key) ?? 0) + 1);
  }
  const [parts, count] = [...outlines].sort((x, y) => y[1] - x[1])[0] ?? ["", 0];
  const words = analyses.map((a) => a.words).sort((x, y) => x - y);
  const mean = words.reduce((s, w) => s + w, 0) / (words.length || 1);
  const sd = Math.sqrt(words.reduce((s, w) => s + (w - mean) ** 2, 0) / (words.length || 1));
  const steps: Record<number, number> = {};
  for (const a of analyses) steps[a.steps.count] = (steps[a.steps.count] ?? 0) + 1;
  const all: AnyEntry[] = [...content.home, ...content.sections, ...content.industries, ...practices];
  const texts = practices.map((p) => toString(p.tree));
  const pairs: SamenessReport["closestPairs"] = [];
  for (let i = 0; i < practices.length; i++) {
    for (let j = i + 1; j < practices.length; j++) {
      pairs.push({ a: practices[i]!.id, b: practices[j]!.id, score: textSimilarity(texts[i]!, texts[j]!) });
    }
  }
  return {
    practices: practices.length,
    reviewed: practices.filter((p) => p.data.reviewed).length,
    withSources: practices.filter((p) => p.data.sources.length > 0).length,
    distinctSources: new Set(all.flatMap((e) => (e.data.sources ?? []) as string[])).size,
    outline: { parts, share: count / (practices.length || 1) },
    words: {
      min: words[0] ?? 0,
      median: words[Math.floor(words.length / 2)] ?? 0,
      max: words.at(-1) ?? 0,
      cv: mean ? sd / mean : 0,
    },
    steps,
    phrases: phrasePages(all).map(({ phrase, uses }) => ({
      phrase: phrase.phrase,
      pages: uses.length,
      cap: phrase.maxPages,
    })),
    names: [...castByName(all)]
      .map(([name, uses]) => ({ name, pages: uses.length }))
      .filter((n) => n.pages > 1)
      .sort((x, y) => y.pages - x.pages || x.name.localeCompare(y.name)),
    siblings: siblingScores(content).map(({ a, b, score }) => ({ a: a.id, b: b.id, score })),
    closestPairs: pairs.sort((x, y) => y.score - x.score).slice(0, closest),
  };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The report as an author reads it in a terminal. */
export function formatSameness(r: SamenessReport): string {
  const over = (n: number, cap: number) => (n > cap ? `  over the cap of ${cap}` : "");
  return [
    `Practices: ${r.practices} · reviewed ${r.reviewed} · with sources ${r.withSources} · distinct sources ${r.distinctSources}`,
    `Outline: ${percent(r.outline.share)} of practices use "${r.outline.parts}"`,
    `Size: ${r.words.min}–${r.words.max} words, median ${r.words.median}, coefficient of variation ${r.words.cv.toFixed(2)}`,
    `Steps: ${Object.entries(r.steps)
      .map(([n, c]) => `${n} steps on ${c} pages`)
      .join(", ")}`,
    "Stock phrases (pages / cap):",
    ...r.phrases.map((p) => `  ${String(p.pages).padStart(3)} / ${String(p.cap).padEnd(3)} ${p.phrase}${over(p.pages, p.cap)}`),
    `Names on more than one page (cap ${EDITORIAL.namePages}):`,
    `  ${r.names.map((n) => `${n.name} ${n.pages}`).join(", ") || "none"}`,
    `Namesakes (similarity, limit ${EDITORIAL.siblingSimilarity}):`,
    ...r.siblings.map((s) => `  ${s.score.toFixed(2)} ${s.a} · ${s.b}${s.score >= EDITORIAL.siblingSimilarity ? "  too alike" : ""}`),
    "Most alike practices in the handbook:",
    ...r.closestPairs.map((s) => `  ${s.score.toFixed(2)} ${s.a} · ${s.b}`),
  ].join("\n");
}
