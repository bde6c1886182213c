/**
 * The handbook's mark: a blue rounded square with three white dots joined by a
 * triangle. Pages carry it as their favicon and link-preview cards draw it.
 * Written with single quotes and no spaces it can spare, because every page
 * inlines it as a data URL.
 */
export const MARK_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='7' fill='#0b5cad'/><path d='M10 11h12l-6 12z' stroke='#fff' stroke-width='2' fill='none'/><g fill='#fff'><circle cx='10' cy='11' r='4'/><circle cx='22' cy='11' r='4'/><circle cx='16' cy='23' r='4'/></g></svg>";

/** The mark as a data URL, escaping only what a URL needs escaped (the inline favicon costs no request). */
export const markDataUrl = (): string =>
  `data:image/svg+xml,${MARK_SVG.replace(/#/g, "%23").replace(/</g, "%3C").replace(/>/g, "%3E")}`;
