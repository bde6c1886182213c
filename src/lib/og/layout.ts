import { markDataUrl } from "../site/mark.ts";
import { balance, clamp, fitLines, wordsOf, type WidthOf } from "./wrap.ts";

/**
 * How a link card is laid out on 1200 × 630 pixels: its faces and measures,
 * where its texts break and at what size, and the elements Satori draws.
 * Pure: the renderer (src/lib/og/render.ts) measures the words.
 */

/** What a card draws. */
export interface CardTexts {
  /** The small label above the title: a practice's section, or what kind of page this is. */
  label: string;
  title: string;
  /** A practice's one-liner (the source's words), or a section's or industry's summary. */
  text: string;
}

/** The handbook's name, in the card's header. */
export const HANDBOOK_NAME = "Networking Best Practices";

/** Colours of the site's light theme (src/styles/theme.css). */
const COLORS = { paper: "#fbfaf7", ink: "#1c1d21", muted: "#55585f", accent: "#0b5cad", line: "#d9d6ce" };

/**
 * The faces a card sets text in: the site's sans for the name, label and
 * title, its Charter-like serif for the one-liner, as on a practice's page.
 * `letterSpacing` is in ems, so a width measured at one size scales to any.
 */
export const FACES = {
  brand: { fontFamily: "Inter", fontWeight: 600, letterSpacing: 0 },
  label: { fontFamily: "Inter", fontWeight: 600, letterSpacing: 0.06 },
  title: { fontFamily: "Inter", fontWeight: 700, letterSpacing: -0.02 },
  text: { fontFamily: "Charis SIL", fontWeight: 400, letterSpacing: 0 },
} as const;
export type Face = keyof typeof FACES;

/**
 * The card's measures in pixels. A chat app shows the card about 400 pixels
 * wide, a third of its size, so the smallest title (64) and text (40) still
 * read as 21 and 13 pixels there.
 */
export const DESIGN = {
  width: 1200,
  height: 630,
  marginX: 80,
  marginY: 56,
  colors: COLORS,
  /** The header: the mark and the handbook's name, and the space below it. */
  mark: 60,
  brand: { size: 32, gap: 20 },
  headerGap: 28,
  band: 12,
  label: { size: 28, lineHeight: 1.25, gap: 14 },
  title: { lineHeight: 1.1, maxLines: 3, gap: 28 },
  /** The one-liner hangs off a rule in the accent colour, as on the practice's page. */
  text: { lineHeight: 1.3, rule: 6, indent: 28 },
  /** Title and text sizes, largest first: the first pair at which both fit is used. */
  steps: [
    [88, 48],
    [80, 48],
    [80, 44],
    [72, 44],
    [72, 40],
    [64, 40],
  ],
} as const;

/**
 * The template's version, part of every card's cache key with DESIGN and FACES:
 * bump it when the tree below or the way lines are broken changes in a way
 * those numbers do not show, or the cache keeps serving the old pictures.
 */
export const TEMPLATE_VERSION = 1;

/** A text's width in ems (at a font size of 1 px) in one of the faces. The renderer measures it. */
export type Measure = (face: Face, text: string) => number;

/** Lines of text set at one size. */
export interface Block {
  size: number;
  /** Line height in pixels. */
  leading: number;
  lines: string[];
}

/** Where a card's texts break, and at what size. */
export interface CardLayout {
  label: Block;
  title: Block;
  text: Block;
  /** Whether a text had to be cut short (after a whole word, with an ellipsis) to fit. */
  shortened: boolean;
}

/** Room for the label, title and text: the card less its margins and header. */
export const MAIN_HEIGHT = DESIGN.height - 2 * DESIGN.marginY - DESIGN.mark - DESIGN.headerGap;
const TITLE_WIDTH = DESIGN.width - 2 * DESIGN.marginX;
const TEXT_WIDTH = TITLE_WIDTH - DESIGN.text.rule - DESIGN.text.indent;

const widthAt =
  (measure: Measure, face: Face, size: number): WidthOf =>
  (text) =>
    measure(face, text) * size;

const block = (size: number, lineHeight: number, lines: string[]): Block => ({
  size,
  leading: Math.round(size * lineHeight),
  lines,
});

const heightOf = (label: Block, title: Block, text: Block) =>
  label.lines.length * label.leading +
  DESIGN.label.gap +
  title.lines.length * title.leading +
  DESIGN.title.gap +
  text.lines.length * text.leading;

/**
 * The largest sizes at which the title (at most three lines) and the text fit
 * the card, each broken into even lines between words. Should even the
 * smallest not hold them, the text, then the title, is cut after a whole word
 * and ends in an ellipsis: a card never overflows.
 */
export function layoutCard(card: CardTexts, measure: Measure): CardLayout {
  const labelWords = wordsOf(card.label.toUpperCase());
  const labelLines = clamp(labelWords, widthAt(measure, "label", DESIGN.label.size), TITLE_WIDTH, 1);
  const label = block(DESIGN.label.size, DESIGN.label.lineHeight, labelLines);
  const titleWords = wordsOf(card.title);
  const textWords = wordsOf(card.text);
  for (const [titleSize, textSize] of DESIGN.steps) {
    const title = balance(titleWords, widthAt(measure, "title", titleSize), TITLE_WIDTH);
    const text = balance(textWords, widthAt(measure, "text", textSize), TEXT_WIDTH);
    const layout = {
      label,
      title: block(titleSize, DESIGN.title.lineHeight, title.lines),
      text: block(textSize, DESIGN.text.lineHeight, text.lines),
      shortened: labelLines.join(" ") !== labelWords.join(" "),
    };
    const fits =
      !title.overflows &&
      !text.overflows &&
      title.lines.length <= DESIGN.title.maxLines &&
      layoutHeight(layout) <= MAIN_HEIGHT;
    if (fits) return layout;
  }
  // At the smallest sizes the title keeps the lines that leave the text at least one, the text what room is left.
  const [titleSize, textSize] = DESIGN.steps.at(-1)!;
  const empty = block(titleSize, DESIGN.title.lineHeight, []);
  const oneLine = block(textSize, DESIGN.text.lineHeight, [""]);
  const titleRoom = Math.floor((MAIN_HEIGHT - heightOf(label, empty, oneLine)) / empty.leading);
  const titleWidth = widthAt(measure, "title", titleSize);
  const title = block(
    titleSize,
    DESIGN.title.lineHeight,
    fitLines(titleWords, titleWidth, TITLE_WIDTH, Math.min(DESIGN.title.maxLines, titleRoom)),
  );
  const noText = block(textSize, DESIGN.text.lineHeight, []);
  const textRoom = Math.floor((MAIN_HEIGHT - heightOf(label, title, noText)) / noText.leading);
  const text = block(
    textSize,
    DESIGN.text.lineHeight,
    fitLines(textWords, widthAt(measure, "text", textSize), TEXT_WIDTH, textRoom),
  );
  const whole = (lines: string[], words: string[]) => lines.join(" ") === words.join(" ");
  const shortened = !whole(label.lines, labelWords) || !whole(title.lines, titleWords) || !whole(text.lines, textWords);
  return { label, title, text, shortened };
}

/** The total height of a layout's label, title and text: never more than MAIN_HEIGHT. */
export function layoutHeight(layout: Pick<CardLayout, "label" | "title" | "text">): number {
  return heightOf(layout.label, layout.title, layout.text);
}

/** An element as Satori reads it: the shape of a React element, without React. */
export interface CardElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | CardElement[]; [attribute: string]: unknown };
}

const element = (
  type: string,
  style: Record<string, string | number>,
  children?: string | CardElement[],
  attributes: Record<string, unknown> = {},
): CardElement => ({ type, props: { ...attributes, style, ...(children === undefined ? {} : { children }) } });

/** A face's style at a size, with its letter spacing in pixels. */
export const faceStyle = (face: Face, size: number) => ({
  fontFamily: FACES[face].fontFamily,
  fontWeight: FACES[face].fontWeight,
  letterSpacing: FACES[face].letterSpacing * size,
  fontSize: size,
});

const lines = (face: Face, block: Block, color: string) =>
  block.lines.map((line) =>
    element(
      "div",
      { ...faceStyle(face, block.size), lineHeight: `${block.leading}px`, color, whiteSpace: "pre" },
      line,
    ),
  );

/**
 * The card as elements for Satori: the mark and the handbook's name at the
 * top, then, centred in the room left, the label, the title and the text,
 * every line placed as the layout broke it.
 */
export function cardTree(layout: CardLayout): CardElement {
  const { width, height, marginX, marginY, colors } = DESIGN;
  // Satori sizes boxes without their padding (content-box): margins are an inner box's position instead.
  return element("div", { width, height, display: "flex", backgroundColor: colors.paper }, [
    element(
      "div",
      {
        position: "absolute",
        left: marginX,
        top: marginY,
        width: width - 2 * marginX,
        height: height - 2 * marginY,
        display: "flex",
        flexDirection: "column",
      },
      [
        element("div", { display: "flex", alignItems: "center", height: DESIGN.mark }, [
          element("img", { width: DESIGN.mark, height: DESIGN.mark }, undefined, {
            src: markDataUrl(),
            width: DESIGN.mark,
            height: DESIGN.mark,
          }),
          element(
            "div",
            { ...faceStyle("brand", DESIGN.brand.size), marginLeft: DESIGN.brand.gap, color: colors.ink },
            HANDBOOK_NAME,
          ),
        ]),
        element(
          "div",
          {
            display: "flex",
            flexDirection: "column",
            justifyContent: "center",
            flexGrow: 1,
            marginTop: DESIGN.headerGap,
          },
          [
            element("div", { display: "flex", flexDirection: "column" }, lines("label", layout.label, colors.accent)),
            element(
              "div",
              { display: "flex", flexDirection: "column", marginTop: DESIGN.label.gap },
              lines("title", layout.title, colors.ink),
            ),
            element(
              "div",
              {
                display: "flex",
                flexDirection: "column",
                marginTop: DESIGN.title.gap,
                paddingLeft: DESIGN.text.indent,
                borderLeft: `${DESIGN.text.rule}px solid ${colors.accent}`,
              },
              lines("text", layout.text, colors.ink),
            ),
          ],
        ),
      ],
    ),
    // A band of the accent along the bottom edge frames the card on a white page.
    element("div", {
      position: "absolute",
      left: 0,
      bottom: 0,
      width,
      height: DESIGN.band,
      backgroundColor: colors.accent,
    }),
  ]);
}
