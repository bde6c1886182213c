import { createHash } from "node:crypto";
import { markSvg } from "../site/mark.ts";
import { buildPaths } from "../site/urls.ts";
import { DESIGN, FACES, HANDBOOK_NAME, TEMPLATE_VERSION, type CardTexts } from "./layout.ts";

/**
 * A page's link-preview card (its Open Graph image): what it says, where it is
 * published, how a page describes it, and the key its image is cached under.
 * Its layout is src/lib/og/layout.ts; src/lib/og/render.ts draws it.
 */

/** What a card draws, and where and how a page announces it. */
export interface Card extends CardTexts {
  /** Site path of the image, e.g. `/og/practices/crm-systems.png`. */
  path: string;
  /** The image's description for readers who cannot see it (`og:image:alt`). */
  alt: string;
}

/** A practice's card: its title and one-liner, labelled with its section. */
export function practiceCard(practice: { id: string; title: string; source: string; sectionTitle: string }): Card {
  const { id, title, source, sectionTitle } = practice;
  return {
    path: buildPaths.card("practices", id),
    alt: `${title}: ${source}`,
    label: sectionTitle,
    title,
    text: source,
  };
}

/** A section's card: its title and summary, labelled with its number of practices. */
export function sectionCard(section: { id: string; title: string; summary: string; practices: unknown[] }): Card {
  const { id, title, summary } = section;
  const label = `Section · ${countOf(section.practices.length)}`;
  return { path: buildPaths.card("sections", id), alt: `${title}: ${summary}`, label, title, text: summary };
}

/** An industry's card, titled as its page is ("Networking in Finance"); it counts the practices the page lists. */
export function industryCard(industry: {
  id: string;
  title: string;
  summary: string;
  own: unknown[];
  highlights: unknown[];
}): Card {
  const title = `Networking in ${industry.title}`;
  const label = `Industry · ${countOf(industry.own.length + industry.highlights.length)}`;
  return {
    path: buildPaths.card("industries", industry.id),
    alt: `${title}: ${industry.summary}`,
    label,
    title,
    text: industry.summary,
  };
}

/** Every card the handbook publishes: one per practice, section and industry page. */
export function handbookCards(handbook: {
  practices: Parameters<typeof practiceCard>[0][];
  sections: Parameters<typeof sectionCard>[0][];
  industries: Parameters<typeof industryCard>[0][];
}): Card[] {
  return [
    ...handbook.practices.map((p) => practiceCard(p)),
    ...handbook.sections.map((s) => sectionCard(s)),
    ...handbook.industries.map((i) => industryCard(i)),
  ];
}

const countOf = (n: number) => `${n} practice${n === 1 ? "" : "s"}`;

/** What a card's pixels depend on besides its texts: the fonts' bytes and the renderers' versions. */
export interface RenderInputs {
  /** A hash of every font file's bytes. */
  fonts: string;
  /** The renderers and their versions, e.g. `satori@0.63.2 resvg@2.6.2`. */
  renderers: string;
}

/**
 * The cache key of a card's image: a hash of everything drawn (the texts, the
 * template and its measures, the mark, the fonts, the renderers), and nothing
 * else, so an image is drawn again exactly when it would look different.
 */
export function cardKey(card: CardTexts, inputs: RenderInputs): string {
  const drawn = [TEMPLATE_VERSION, DESIGN, FACES, markSvg(), HANDBOOK_NAME, card.label, card.title, card.text, inputs];
  return createHash("sha256").update(JSON.stringify(drawn)).digest("hex").slice(0, 20);
}
