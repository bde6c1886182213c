/**
 * British spellings and words, with the American form the handbook uses.
 *
 * The source document is written in American English, so every page is too.
 * The list is ours, built from the spelling families where the two standards
 * differ (after Merriam-Webster's American forms):
 * - Verbs in -ise/-isation that American English writes -ize. Only listed
 *   stems are matched: advise, compromise, enterprise, exercise, expertise,
 *   revise, supervise, surprise and the like are -ise in both standards.
 * - -our nouns (colour, behaviour), -re nouns (centre, theatre), -yse verbs
 *   (analyse), doubled l before a suffix (travelled, cancelled).
 * - Single words: programme, practise (the verb), licence, defence, catalogue,
 *   judgement, whilst, amongst, learnt, enquiry, fortnight and the like.
 * - Medical spellings with ae/oe (paediatric, anaesthetist), which matter on
 *   the healthcare pages.
 * - "CV": in American usage a job seeker sends a résumé; a CV is the long
 *   academic record, so name it in full ("curriculum vitae") where that is meant.
 * Words that are common in both (dialogue, towards, glamour) are left out, so
 * the check never argues with a correct American sentence.
 */

/** -ize verbs American English writes with z; each matched with its inflections and -ation nouns. */
const IZE_STEMS = [
  "anonym",
  "apolog",
  "author",
  "capital",
  "categor",
  "central",
  "critic",
  "custom",
  "character",
  "digit",
  "emphas",
  "energ",
  "familiar",
  "final",
  "formal",
  "general",
  "harmon",
  "human",
  "ideal",
  "internal",
  "jeopard",
  "marginal",
  "patron",
  "stabil",
  "subsid",
  "item",
  "legal",
  "maxim",
  "memor",
  "minim",
  "mobil",
  "modern",
  "normal",
  "optim",
  "organ",
  "personal",
  "priorit",
  "real",
  "recogn",
  "social",
  "special",
  "standard",
  "strateg",
  "summar",
  "symbol",
  "sympath",
  "synchron",
  "util",
  "visual",
];
const IZE_ENDINGS: [british: string, american: string][] = [
  ["ise", "ize"],
  ["ises", "izes"],
  ["ised", "ized"],
  ["ising", "izing"],
  ["iser", "izer"],
  ["isers", "izers"],
  ["isation", "ization"],
  ["isations", "izations"],
];

/** -our words American English writes -or, with the endings that keep the difference. */
const OUR_STEMS = [
  "ard",
  "arm",
  "behavi",
  "cand",
  "col",
  "endeav",
  "fav",
  "flav",
  "harb",
  "hon",
  "hum",
  "lab",
  "neighb",
  "od",
  "parl",
  "rum",
  "sav",
  "vig",
];
const OUR_ENDINGS = [
  "our",
  "ours",
  "oured",
  "ouring",
  "oural",
  "ourite",
  "ourites",
  "ourable",
  "ourably",
  "ourful",
  "ourhood",
];

/** Whole words, British → American. */
const WORDS: Record<string, string> = {
  centre: "center",
  centres: "centers",
  centred: "centered",
  theatre: "theater",
  theatres: "theaters",
  fibre: "fiber",
  metre: "meter",
  metres: "meters",
  litre: "liter",
  calibre: "caliber",
  meagre: "meager",
  sombre: "somber",
  analyse: "analyze",
  analysed: "analyzed",
  analysing: "analyzing",
  paralyse: "paralyze",
  travelled: "traveled",
  travelling: "traveling",
  traveller: "traveler",
  travellers: "travelers",
  cancelled: "canceled",
  cancelling: "canceling",
  labelled: "labeled",
  labelling: "labeling",
  modelled: "modeled",
  modelling: "modeling",
  counselling: "counseling",
  counsellor: "counselor",
  counsellors: "counselors",
  levelled: "leveled",
  fuelled: "fueled",
  signalled: "signaled",
  signalling: "signaling",
  marvellous: "marvelous",
  jewellery: "jewelry",
  enrol: "enroll",
  enrolment: "enrollment",
  fulfil: "fulfill",
  fulfilment: "fulfillment",
  skilful: "skillful",
  wilful: "willful",
  instalment: "installment",
  programme: "program",
  programmes: "programs",
  practise: "practice",
  practised: "practiced",
  practises: "practices",
  practising: "practicing",
  licence: "license",
  licences: "licenses",
  defence: "defense",
  offence: "offense",
  pretence: "pretense",
  catalogue: "catalog",
  catalogues: "catalogs",
  judgement: "judgment",
  judgements: "judgments",
  acknowledgement: "acknowledgment",
  ageing: "aging",
  grey: "gray",
  cheque: "check",
  cheques: "checks",
  whilst: "while",
  amongst: "among",
  learnt: "learned",
  spelt: "spelled",
  enquiry: "inquiry",
  enquiries: "inquiries",
  enquire: "inquire",
  fortnight: "two weeks",
  fortnightly: "every two weeks",
  sceptical: "skeptical",
  manoeuvre: "maneuver",
  aluminium: "aluminum",
  maths: "math",
  paediatric: "pediatric",
  paediatrics: "pediatrics",
  paediatrician: "pediatrician",
  anaesthesia: "anesthesia",
  anaesthetist: "anesthesiologist",
  anaesthetic: "anesthetic",
  orthopaedic: "orthopedic",
  haemorrhage: "hemorrhage",
  oedema: "edema",
  postcode: "ZIP code",
  CV: "résumé",
  CVs: "résumés",
};

const TABLE: Map<string, string> = (() => {
  const table = new Map<string, string>();
  for (const stem of IZE_STEMS) for (const [uk, us] of IZE_ENDINGS) table.set(stem + uk, stem + us);
  for (const stem of OUR_STEMS) for (const uk of OUR_ENDINGS) table.set(stem + uk, stem + uk.replace("our", "or"));
  for (const [uk, us] of Object.entries(WORDS)) table.set(uk, us);
  return table;
})();

export interface BritishSpelling {
  /** The word as written. */
  word: string;
  /** The American form to write instead, in the word's own case. */
  american: string;
  /** Offset of the word in the text. */
  index: number;
}

/** Words in `text` written the British way, in order. "CV" is matched in capitals only; the rest in any case. */
export function britishSpellings(text: string): BritishSpelling[] {
  const found: BritishSpelling[] = [];
  for (const match of text.matchAll(/[\p{L}]+/gu)) {
    const word = match[0];
    const american = word === "CV" || word === "CVs" ? TABLE.get(word) : lookup(word);
    if (american) found.push({ word, american, index: match.index });
  }
  return found;
}

/** Prefixes that keep a word's spelling family: reorganise, deprioritise, unrecognised. */
const PREFIXES = ["", "re", "de", "un", "pre", "mis", "over", "under"];

function lookup(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower === "cv" || lower === "cvs") return undefined;
  let american: string | undefined;
  for (const prefix of PREFIXES) {
    const base = lower.startsWith(prefix) ? TABLE.get(lower.slice(prefix.length)) : undefined;
    if (base) {
      american = prefix + base;
      break;
    }
  }
  if (!american) return undefined;
  if (word === word.toUpperCase() && word.length > 1) return american.toUpperCase();
  return word[0] === word[0]!.toUpperCase() ? american[0]!.toUpperCase() + american.slice(1) : american;
}
