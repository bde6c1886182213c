/**
 * The handbook's own vocabulary: words readers type and the words its pages
 * use for the same thing. A query that says one phrase of a group also
 * searches for the others, so "coffee chat" finds Informational Interviews.
 *
 * Keep it small and reviewed. An entry belongs here only when readers say one
 * thing and the pages say another; forms of one word need none (search stems
 * and matches word beginnings: "mentor" finds "mentorship"). Each group is
 * tested on its own in tests/unit/search-query.test.ts, and every group must
 * name at least one phrase the handbook uses. Phrases are lowercase; words in
 * them are matched with or without accents, in their plain, plural, -ing and
 * -ed forms (so "résumé" covers "resume" and "resumes").
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ["coffee chat", "informational interview"],
  ["cold email", "cold message", "first contact", "initial contact"],
  ["résumé", "cv"],
  ["meetup", "event"],
  ["nervous", "anxiety", "anxious"],
  ["shy", "introvert", "introversion"],
  ["burnout", "burned out", "burnt out", "drained", "fatigue"],
  ["public speaking", "presentation"],
  ["thank", "gratitude"],
  ["late", "punctual"],
  ["reply", "respond", "response"],
  ["quickly", "soon", "prompt"],
  ["often", "regular", "regularly"],
  ["busy", "time"],
  ["wear", "dress"],
  ["booth", "vendor", "exhibit"],
  ["developer", "programmer", "engineer", "tech"],
  ["doctor", "nurse", "clinician", "medical", "healthcare"],
  ["banking", "banker", "finance"],
  ["career change", "switch careers", "transition"],
  ["fake", "authentic", "genuine"],
  ["connection request", "invitation"],
  ["keep in touch", "stay in touch", "regular communication"],
  ["disagreement", "argument", "conflict"],
  ["reception", "happy hour", "social event"],
  ["private", "privacy"],
  ["about section", "summary"],
  ["give back", "reciprocity", "provide value"],
];
