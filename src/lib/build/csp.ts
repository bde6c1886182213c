import { createHash } from "node:crypto";

/**
 * Directives every page gets besides the script and style hashes. Everything
 * comes from the site itself (default-src covers fetches, fonts and Pagefind's
 * worker); Pagefind needs `'wasm-unsafe-eval'` for its WebAssembly; the
 * favicon is a data: URL. Kept short: every page carries it.
 */
export const BASE_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The inline <script> (without src) and <style> bodies of a page, exactly as the browser hashes them. */
export function inlineBlocks(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
  return { scripts, styles };
}

/**
 * The Content Security Policy for one built page: scripts only from the site
 * or with the exact hash of an inline script on that page (never
 * 'unsafe-inline'), styles likewise.
 */
export function policyFor(html: string): string {
  const { scripts, styles } = inlineBlocks(html);
  const scriptHashes = [...new Set(scripts.map(sha256))];
  const styleHashes = [...new Set(styles.map(sha256))];
  return [
    ...BASE_DIRECTIVES,
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes].join(" "),
    ["style-src 'self'", ...styleHashes].join(" "),
  ].join("; ");
}

/** Adds the page's policy right after the charset, ahead of every script and style it governs. */
export function withCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  const charset = /<meta charset="[^"]*">/i;
  return charset.test(html) ? html.replace(charset, (m) => `${m}${meta}`) : html.replace(/<head>/i, `<head>${meta}`);
}
