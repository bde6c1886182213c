/**
 * The handbook's mark: three people (dots) joined by introductions (a
 * triangle) on a rounded blue square. One source for the favicon, the
 * installable app's icons and the link-preview cards, so they never drift.
 */

/** The mark's blue: the light theme's accent. */
export const MARK_COLOR = "#0b5cad";

/**
 * The mark as a standalone SVG document, drawn on a 32-unit grid.
 * `inset` (0–0.5) shrinks the drawing inside a full-bleed square for maskable
 * icons, whose outer 10 % a phone may crop to its own shape.
 */
export function markSvg({ size = 32, inset = 0 }: { size?: number; inset?: number } = {}): string {
  const pad = 32 * inset;
  const scale = (32 - 2 * pad) / 32;
  const figure =
    `<path d="M10 11h12l-6 12z" stroke="#fff" stroke-width="2" fill="none"/>` +
    `<g fill="#fff"><circle cx="10" cy="11" r="4"/><circle cx="22" cy="11" r="4"/><circle cx="16" cy="23" r="4"/></g>`;
  const body =
    inset > 0
      ? `<rect width="32" height="32" fill="${MARK_COLOR}"/><g transform="translate(${pad} ${pad}) scale(${scale})">${figure}</g>`
      : `<rect width="32" height="32" rx="7" fill="${MARK_COLOR}"/>${figure}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${size}" height="${size}">${body}</svg>`;
}

/** The mark as a data URL, for drawings that embed it (the link-preview cards), escaping only what a URL needs escaped. */
export const markDataUrl = (): string =>
  `data:image/svg+xml,${markSvg().replace(/#/g, "%23").replace(/</g, "%3C").replace(/>/g, "%3E").replace(/"/g, "%22")}`;
