import { SYNONYMS } from "./synonyms.ts";

/**
 * Words that say what kind of question it is, or hold a sentence together,
 * but not what it is about: "how do I", "what should", "a", "the". They
 * neither narrow the results nor get marked. Words that carry the subject
 * ("follow", "email", "without", "after") are not here.
 */
const STOPWORDS = new Set(
  (
    "a an the and or but if so than then that this these those there here " +
    "how what when where why who whom whose which whether " +
    "do does did doing done should shall can could would will may might must " +
    "is are am was were be been being have has had having get gets got getting " +
    "i me my mine myself you your yours we us our they them their he him his she her it its " +
    "someone somebody anyone anybody something anything people person " +
    "to of in on at for with by from into about as up out off over " +
    "not no just really actually also very too much many more most some any all " +
    "ok okay best good better way ways tip tips advice need want go going make know stop feel feeling new " +
    "im ive ill id dont doesnt cant isnt m ve ll re d s t"
  ).split(" "),
);

/** One thing a query asks about: a word or phrase of it, and what else the handbook calls it. */
export interface Concept {
  /** The words as typed. */
  text: string;
  /** Ways to find it, each a list of words all of which should match: the words typed, then its synonyms. */
  alternatives: string[][];
}

/** A query made ready to search: what it is about, and every word to look up. */
export interface QueryPlan {
  concepts: Concept[];
  /** Every word of every alternative, once each: what search looks up. */
  words: string[];
}

/** Lowercase letters and digits, accents kept (search matches "résumé" as written); apostrophes dropped ("I'm" → "im"). */
export function queryWords(text: string): string[] {
  return (
    text
      .normalize("NFC")
      .toLowerCase()
      .replace(/['’]/g, "")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter(Boolean);
}

/** True for a word that never decides a search (see STOPWORDS). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase().replace(/['’]/g, ""));
}

/**
 * A word without a plural, -ing or -ed ending ("meetups" → "meetup",
 * "following" → "follow"): the start every form of it shares, for matching
 * word beginnings. Search itself stems with Pagefind's own (Snowball)
 * stemmer; this is only for the handbook's side: the synonym list and marks.
 */
export function wordStart(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith("ed")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** A word's plain form for comparing with the synonym list: accents off, ending off ("résumés" → "resume"). */
export function plainForm(word: string): string {
  return wordStart(word.normalize("NFD").replace(/\p{M}/gu, ""));
}

/** The synonym groups as word lists, in their plain forms, for matching against a query's words. */
const GROUPS = SYNONYMS.map((group) => group.map((phrase) => ({ phrase, words: queryWords(phrase) })));

/** The words of a phrase that search looks up: without stopwords ("keep in touch" → keep, touch). */
const searchWords = (words: string[]) => {
  const kept = words.filter((w) => !isStopword(w));
  return kept.length ? kept : words;
};

/**
 * Turns what a reader typed into concepts to search for: phrases from the
 * synonym list are recognized first (longest first, so "social event" wins
 * over "event"), stopwords are dropped, and each remaining word is a concept
 * of its own. A query of stopwords only ("how", "be") is searched as typed.
 */
export function planQuery(text: string): QueryPlan {
  const typed = queryWords(text);
  const plain = typed.map(plainForm);
  const concepts: Concept[] = [];
  for (let i = 0; i < typed.length;) {
    let best: { length: number; groups: number[] } | undefined;
    GROUPS.forEach((group, g) => {
      for (const { words } of group) {
        const n = words.length;
        if (n && words.every((w, k) => plain[i + k] === plainForm(w))) {
          if (!best || n > best.length) best = { length: n, groups: [g] };
          else if (n === best.length && !best.groups.includes(g)) best.groups.push(g);
        }
      }
    });
    if (best) {
      const own = typed.slice(i, i + best.length);
      const others = best.groups.flatMap((g) => GROUPS[g]!.map((p) => searchWords(p.words)));
      concepts.push({ text: own.join(" "), alternatives: unique([searchWords(own), ...others]) });
      i += best.length;
    } else {
      if (!isStopword(typed[i]!)) concepts.push({ text: typed[i]!, alternatives: [[typed[i]!]] });
      i += 1;
    }
  }
  if (!concepts.length)
    for (const word of typed.filter((w) => w.length > 1)) concepts.push({ text: word, alternatives: [[word]] });
  return { concepts, words: [...new Set(concepts.flatMap((c) => c.alternatives.flat()))] };
}

/** Alternatives once each (a phrase typed as its own synonym is listed once). */
function unique(lists: string[][]): string[][] {
  const seen = new Set<string>();
  return lists.filter((list) => {
    const key = list.map(plainForm).join(" ");
    return !seen.has(key) && seen.add(key);
  });
}

/** The words worth marking on a page opened from a result: the query's own, without stopwords. */
export function meaningfulTerms(text: string): string[] {
  return planQuery(text).concepts.flatMap((c) => c.alternatives[0] ?? []);
}
