import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { encode } from "fast-png";
import satori, { type Font } from "satori";
import { cardTally } from "./tally.ts";
import { wordsOf } from "./wrap.ts";
import { cardKey, type Card, type RenderInputs } from "./card.ts";
import { cardTree, DESIGN, FACES, faceStyle, layoutCard, type Face } from "./layout.ts";

/**
 * Link-preview cards as PNG files: Satori lays the card's elements out as SVG
 * with the fonts below, resvg draws it. Each image is cached on disk under the
 * hash of what it draws (`cardKey`), so a build with unchanged content draws
 * none. The layout itself is src/lib/og/layout.ts.
 */

// Resolved from the project rather than this file, which the build bundles elsewhere.
const require = createRequire(resolve("package.json"));

/**
 * Each family's npm package, and the prefix of its files' names (Satori reads
 * WOFF, not WOFF2). Fontsource's packages export only their stylesheets and
 * LICENSE: the font files sit in `files/` beside it.
 */
const FONT_PACKAGES: Record<(typeof FACES)[Face]["fontFamily"], { prefix: string; license: () => string }> = {
  Inter: { prefix: "inter", license: () => require.resolve("@fontsource/inter/LICENSE") },
  "Charis SIL": { prefix: "charis-sil", license: () => require.resolve("@fontsource/charis-sil/LICENSE") },
};

interface Renderer {
  fonts: Font[];
  inputs: RenderInputs;
}
let renderer: Renderer | undefined;

/** The fonts of every face (Latin and Latin Extended), and what the cache key takes from them. */
function loadRenderer(): Renderer {
  if (renderer) return renderer;
  const fonts: Font[] = [];
  const hash = createHash("sha256");
  const seen = new Set<string>();
  for (const { fontFamily, fontWeight } of Object.values(FACES)) {
    const { prefix, license } = FONT_PACKAGES[fontFamily];
    for (const subset of ["latin", "latin-ext"]) {
      const file = `${prefix}-${subset}-${fontWeight}-normal.woff`;
      if (seen.has(file)) continue;
      seen.add(file);
      const data = readFileSync(join(dirname(license()), "files", file));
      hash.update(file).update(data);
      fonts.push({ name: fontFamily, data, weight: fontWeight, style: "normal" });
    }
  }
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  renderer = {
    fonts,
    inputs: {
      fonts: hash.digest("hex"),
      renderers: `satori@${version("satori")} resvg@${version("@resvg/resvg-js")}`,
    },
  };
  return renderer;
}

/** The size words are measured at; widths scale with the font size (letter spacing is in ems). */
const MEASURE_SIZE = 1000;
/** Word widths in ems, by face and word, kept across cards: the handbook reuses its words. */
const widths = new Map<string, number>();

/** Measures every word (and the space) of a card's faces not measured yet, in one Satori layout. */
async function measureWords(wanted: [Face, string][]): Promise<void> {
  const missing = [
    ...new Map(wanted.map(([face, word]) => [`${face}\n${word}`, [face, word] as const])).values(),
  ].filter(([face, word]) => !widths.has(`${face}\n${word}`));
  if (!missing.length) return;
  const children = missing.map(([face, word], index) => ({
    type: "div",
    key: String(index),
    props: { style: { ...faceStyle(face, MEASURE_SIZE), whiteSpace: "pre" }, children: word },
  }));
  await satori(
    { type: "div", props: { style: { display: "flex", flexDirection: "column", alignItems: "flex-start" }, children } },
    {
      width: 100 * MEASURE_SIZE,
      height: (missing.length + 1) * 2 * MEASURE_SIZE,
      fonts: loadRenderer().fonts,
      onNodeDetected: (node) => {
        const item = node.key === undefined ? undefined : missing[Number(node.key)];
        if (item) widths.set(`${item[0]}\n${item[1]}`, node.width / MEASURE_SIZE);
      },
    },
  );
}

/** A run of words' width in ems: its words plus the spaces between them. */
function emWidth(face: Face, text: string): number {
  const words = text.split(" ");
  const space = widths.get(`${face}\n `) ?? 0;
  return words.reduce((sum, word) => sum + (widths.get(`${face}\n${word}`) ?? 0), 0) + space * (words.length - 1);
}

/**
 * Every word a card may draw, in the face it is drawn in; the face's space and
 * ellipsis; and every letter, for the rare card with a word wider than a line,
 * which is cut to fit.
 */
function wordsToMeasure(card: Card): [Face, string][] {
  const of = (face: Face, text: string): [Face, string][] =>
    [" ", "…", ...wordsOf(text), ...text].map((w) => [face, w]);
  return [...of("label", card.label.toUpperCase()), ...of("title", card.title), ...of("text", card.text)];
}

/** Draws a card: its words measured, its lines broken (layoutCard), Satori's SVG drawn by resvg. */
export async function renderCard(card: Card): Promise<Buffer> {
  const { fonts } = loadRenderer();
  await measureWords(wordsToMeasure(card));
  const layout = layoutCard(card, measureText);
  if (layout.shortened)
    console.warn(`${card.path}: the card's text is cut short to fit; a shorter title or summary would show whole`);
  const svg = await satori(cardTree(layout) as never, { width: DESIGN.width, height: DESIGN.height, fonts });
  const image = new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render();
  return indexedPng(image.pixels, image.width, image.height) ?? image.asPng();
}

/**
 * The image as an indexed PNG, one byte a pixel, when it has at most 256
 * colours, as a card does (a few flat colours and the edges between them):
 * the same pixels in about half the bytes of resvg's own PNG. Undefined for
 * an image with more colours.
 */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Buffer | undefined {
  const indexOf = new Map<number, number>();
  const palette: number[][] = [];
  const data = new Uint8Array(width * height);
  let last = -1;
  let lastIndex = 0;
  for (let pixel = 0, at = 0; pixel < data.length; pixel++, at += 4) {
    // The card is opaque: alpha is left out.
    const color = (rgba[at]! << 16) | (rgba[at + 1]! << 8) | rgba[at + 2]!;
    // Most pixels repeat the one before (the paper, inside a glyph).
    if (color !== last) {
      let index = indexOf.get(color);
      if (index === undefined) {
        if (palette.length === 256) return undefined;
        index = palette.length;
        indexOf.set(color, index);
        palette.push([color >> 16, (color >> 8) & 255, color & 255]);
      }
      last = color;
      lastIndex = index;
    }
    data[pixel] = lastIndex;
  }
  return Buffer.from(encode({ width, height, data, depth: 8, channels: 1, palette }, { zlib: { level: 3 } }));
}

/**
 * Widths for layoutCard. A run it asks about that was not measured word by
 * word (a word cut to fit a line) is the sum of its letters' widths.
 */
function measureText(face: Face, text: string): number {
  if (text.split(" ").every((word) => widths.has(`${face}\n${word}`))) return emWidth(face, text);
  return [...text].reduce((sum, char) => sum + (widths.get(`${face}\n${char}`) ?? 0), 0);
}

/** Where drawn cards are kept between builds, named by their key. */
export function cardCacheDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.HANDBOOK_CACHE_DIR ? join(env.HANDBOOK_CACHE_DIR, "og-cards") : "node_modules/.cache/og-cards");
}

/**
 * A card's PNG: from the cache when an image is stored under its key, else
 * drawn and stored. Counted in the build's tally either way.
 */
export async function linkCard(card: Card, dir = cardCacheDir()): Promise<Buffer> {
  const tally = cardTally();
  const started = performance.now();
  try {
    const file = join(dir, `${cardKey(card, loadRenderer().inputs)}.png`);
    try {
      const png = readFileSync(file);
      tally.cached++;
      return png;
    } catch {
      // Not drawn yet: draw it.
    }
    const png = await renderCard(card);
    mkdirSync(dir, { recursive: true });
    // Written whole under another name first: a build running beside this one never reads half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, file);
    tally.rendered++;
    return png;
  } finally {
    tally.milliseconds += performance.now() - started;
  }
}
