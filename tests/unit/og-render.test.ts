import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decode } from "fast-png";
import { afterAll, describe, expect, it } from "vitest";
import { practiceCard } from "../../src/lib/og/card.ts";
import { cardCacheDir, indexedPng, linkCard, renderCard } from "../../src/lib/og/render.ts";
import { cardTally, tallyLine } from "../../src/lib/og/tally.ts";

const cache = mkdtempSync(join(tmpdir(), "og-cards-"));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const card = practiceCard({
  id: "industry-specific-approaches",
  title: "Industry-Specific Approaches",
  source: "Develop industry-specific networking strategies",
  sectionTitle: "Networking Best Practices by Industry",
});

describe("drawing a card", () => {
  it("gives a 1200 × 630 PNG well under 80 KB", async () => {
    const png = await renderCard(card);
    const image = decode(png);
    expect([image.width, image.height]).toEqual([1200, 630]);
    expect(png.length).toBeLessThan(80_000);
  });

  it("stores the pixels as an indexed PNG, losslessly, and declines more than 256 colours", () => {
    const rgba = new Uint8Array(4 * 4 * 4);
    for (let i = 0; i < 16; i++) rgba.set([i * 16, 255 - i, 7, 255], i * 4);
    const image = decode(indexedPng(rgba, 4, 4)!);
    expect(image.palette).toHaveLength(16);
    const back = [...image.data].flatMap((index) => [...image.palette![index]!, 255]);
    expect(back).toEqual([...rgba]);
    const many = new Uint8Array(257 * 4).map((_, i) => (i % 4 === 3 ? 255 : Math.floor(i / 4) % 256));
    many.set([1, 2, 3], 256 * 4);
    expect(indexedPng(many, 257, 1)).toBeUndefined();
  });
});

describe("the card cache", () => {
  it("draws a card once, then reads it back; a changed title is drawn again", async () => {
    const before = { ...cardTally() };
    const first = await linkCard(card, cache);
    const again = await linkCard(card, cache);
    expect(again.equals(first)).toBe(true);
    await linkCard({ ...card, title: "Industry Approaches" }, cache);
    expect(readdirSync(cache).filter((f) => f.endsWith(".png"))).toHaveLength(2);
    expect(cardTally().rendered - before.rendered).toBe(2);
    expect(cardTally().cached - before.cached).toBe(1);
  });

  it("lives in node_modules/.cache, or beside a build's own cache when it has one", () => {
    expect(cardCacheDir({})).toMatch(/node_modules[/\\].cache[/\\]og-cards$/);
    expect(cardCacheDir({ HANDBOOK_CACHE_DIR: "/tmp/bench/cache" })).toBe(join("/tmp/bench/cache", "og-cards"));
  });

  it("reports the build in one line", () => {
    expect(tallyLine({ rendered: 3, cached: 178, milliseconds: 412 })).toBe(
      "Link cards: 181 pages, 3 rendered, 178 from cache (0.4 s)",
    );
  });
});
