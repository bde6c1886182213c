import { withBase } from "./urls.ts";

/**
 * The web app manifest: what a phone needs to put the handbook on its home
 * screen and open it as an app of its own, from the same pages and service
 * worker the browser uses. Colors are the light theme's (global.css): the
 * splash screen is the page's paper, the title bar the mark's blue.
 */

/** The icons the build draws from the mark (src/pages/icons/[icon].png.ts): name, pixels, and whether maskable. */
export const APP_ICONS = [
  { name: "192", size: 192, maskable: false },
  { name: "512", size: 512, maskable: false },
  { name: "maskable-512", size: 512, maskable: true },
] as const;

export function appManifest(base: string) {
  const root = withBase(base, "/");
  return {
    id: root,
    name: "Networking Best Practices",
    short_name: "Networking",
    description: "A handbook of networking practices you can read, search and link to, online or offline.",
    lang: "en",
    dir: "ltr",
    start_url: root,
    scope: root,
    display: "standalone",
    background_color: "#fbfaf7",
    theme_color: "#0b5cad",
    categories: ["education", "business"],
    icons: [
      { src: withBase(base, "/favicon.svg"), sizes: "any", type: "image/svg+xml" },
      ...APP_ICONS.map((icon) => ({
        src: withBase(base, `/icons/${icon.name}.png`),
        sizes: `${icon.size}x${icon.size}`,
        type: "image/png",
        purpose: icon.maskable ? "maskable" : "any",
      })),
    ],
  };
}
