import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineBlocks, policyFor, withCsp } from "../../src/lib/build/csp.ts";

const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><script>a()</script><style>b{}</style><script type="module" src="/x.js"></script></head><body><script type="module">c()</script></body></html>`;
const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

describe("Content Security Policy", () => {
  it("finds inline scripts and styles, not external ones", () => {
    expect(inlineBlocks(page)).toEqual({ scripts: ["a()", "c()"], styles: ["b{}"] });
  });

  it("allows exactly the page's inline scripts by hash, never unsafe-inline", () => {
    const policy = policyFor(page);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash("a()")} ${hash("c()")}`);
    expect(policy).toContain(`style-src 'self' ${hash("b{}")}`);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("object-src 'none'");
  });

  it("puts the policy right after the charset", () => {
    expect(withCsp(page)).toMatch(
      /^<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self';/,
    );
  });
});
