import { analyzeBody, PITFALLS } from "./practice-parts.ts";
import type { HandbookContent } from "./read-entries.ts";
import { citationsOf } from "./source-citations.ts";
import { SOURCE_KINDS, STUDY_KINDS, STUDY_PAGES_MAX, type SourceKind, type SourceRegister } from "./source-register.ts";

/** How the handbook stands on pitfalls and evidence: the figures behind a reviewer's "would I forward it?". */
export interface EvidenceReport {
  /** Practices with no "Watch out for" part, or fewer pitfalls in it than PITFALLS.min. */
  withoutPitfalls: string[];
  /** Practices whose pitfalls part has at least PITFALLS.min items. */
  withPitfalls: number;
  /** Every study, article and book with the pages that cite it, most cited first. */
  studies: { key: string; title: string; pages: string[] }[];
  /** Sources in the register by kind, in SOURCE_KINDS order. */
  byKind: { kind: SourceKind; count: number }[];
  /** Sources in the register. */
  sources: number;
}

export function evidenceReport(content: HandbookContent, register: SourceRegister): EvidenceReport {
  const counted = content.practices.map((p) => ({ id: p.id, pitfalls: analyzeBody(p.tree).pitfalls.length }));
  const cited = citationsOf(content);
  return {
    withoutPitfalls: counted.filter((p) => p.pitfalls < PITFALLS.min).map((p) => p.id),
    withPitfalls: counted.filter((p) => p.pitfalls >= PITFALLS.min).length,
    studies: register.sources
      .filter((s) => STUDY_KINDS.includes(s.kind))
      .map((s) => ({ key: s.key, title: s.title, pages: (cited.get(s.key) ?? []).map((e) => e.id) }))
      .sort((a, b) => b.pages.length - a.pages.length || a.key.localeCompare(b.key)),
    byKind: SOURCE_KINDS.map((kind) => ({ kind, count: register.sources.filter((s) => s.kind === kind).length })),
    sources: register.sources.length,
  };
}

/** The report as an author reads it in a terminal. */
export function formatEvidence(r: EvidenceReport): string {
  const list = (ids: string[]) => (ids.length > 8 ? `${ids.slice(0, 8).join(", ")}, … ${ids.length - 8} more` : ids.join(", "));
  return [
    `Pitfalls: ${r.withPitfalls} practices name at least ${PITFALLS.min}; ${r.withoutPitfalls.length} do not${r.withoutPitfalls.length ? ` (${list(r.withoutPitfalls)})` : ""}`,
    `Studies, articles and books (pages citing each, cap ${STUDY_PAGES_MAX}):`,
    ...r.studies.map((s) => `  ${String(s.pages.length).padStart(2)}  ${s.key}${s.pages.length > STUDY_PAGES_MAX ? "  over the cap" : ""}`),
    `Sources by kind (${r.sources} in the register):`,
    `  ${r.byKind.map((k) => `${k.kind} ${k.count}`).join(" · ")}`,
  ].join("\n");
}
