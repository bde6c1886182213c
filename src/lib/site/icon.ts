import { Resvg } from "@resvg/resvg-js";
import { markSvg } from "./mark.ts";

/**
 * The mark drawn as a PNG of `size` pixels square. A maskable icon fills the
 * square with the mark's blue and keeps the drawing inside the central 80 %,
 * the safe zone a phone's icon shape never crops.
 */
export function iconPng(size: number, maskable = false): Buffer {
  const svg = markSvg({ size, inset: maskable ? 0.1 : 0 });
  return new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng();
}
