import { describe, expect, it } from "vitest";
import { isOfficialAddress } from "../../src/lib/content/official-hosts.ts";
import { parseRegister } from "../../src/lib/content/source-register.ts";
import { resolveSources, sourceGroups } from "../../src/lib/site/sources.ts";

const entry = (fields: Record<string, string | number>) =>
  `- ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n  ")}\n`;
const study = {
  key: "rajkumar-2022-weak-ties",
  title: '"A causal test of the strength of weak ties"',
  publisher: "Science",
  url: "https://www.science.org/doi/10.1126/science.abl4476",
  year: 2022,
  kind: "peer-reviewed study",
  checked: "2026-12-07",
};

describe("the source register", () => {
  it("reads a valid register, each source with its line", () => {
    const register = parseRegister(`# comment\n${entry(study)}`, "sources.yaml");
    expect(register.problems).toEqual([]);
    expect(register.byKey.get("rajkumar-2022-weak-ties")).toMatchObject({ year: 2022, line: 2 });
  });

  it("names the line and field of a missing field, an unknown kind and an unknown field", () => {
    const { checked: _, ...noDate } = study;
    const text =
      entry(noDate) +
      entry({ ...study, key: "b", url: "https://example.org/b", kind: "blog" }) +
      entry({ ...study, key: "c", url: "https://example.org/c", note: "x" });
    const problems = parseRegister(text, "sources.yaml").problems;
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [1, "checked", 'required field "checked" is missing'],
      [12, "kind", expect.stringContaining("give one of: statute, regulation")],
      [21, "note", "unknown field"],
    ]);
  });

  it("refuses a second entry with the same key or the same address written another way", () => {
    const text =
      entry(study) +
      entry(study) +
      entry({ ...study, key: "other", url: "http://science.org/doi/10.1126/science.abl4476/" });
    const messages = parseRegister(text, "sources.yaml").problems.map((p) => p.message);
    expect(messages).toEqual([
      'the key "rajkumar-2022-weak-ties" is used by another source (line 1)',
      'this address is already in the register as "rajkumar-2022-weak-ties"',
    ]);
  });

  it("refuses a rule cited away from its official address", () => {
    const copy = { ...study, key: "can-spam", kind: "statute", url: "https://cliclaw.com/can-spam-guide" };
    const [problem] = parseRegister(entry(copy), "sources.yaml").problems;
    expect(problem).toMatchObject({ line: 4, field: "url" });
    expect(problem!.message).toBe("a statute source must be cited at its official address, and cliclaw.com is not one");
  });
});

describe("official addresses", () => {
  it.each([
    ["statute", "https://www.legislation.gov.uk/uksi/2003/2426/regulation/22", true],
    ["statute", "https://eur-lex.europa.eu/eli/dir/2002/58/oj", true],
    ["regulation", "https://www.finra.org/rules-guidance/rulebooks/finra-rules/3220", true],
    [
      "regulator guidance",
      "https://www.ftc.gov/business-guidance/resources/can-spam-act-compliance-guide-business",
      true,
    ],
    ["statute", "https://legalviz.eu/gdpr/recital/18", false],
    ["statute", "https://www.gov.uk.example.com/act", false],
    ["platform help", "https://www.linkedin.com/help/linkedin/answer/a550555", true],
    ["platform help", "https://www.linkedin.com/pulse/some-members-post", false],
    ["platform help", "https://www.linkedhelper.com/glossary/linkedin-invitation", false],
    ["platform help", "https://developers.google.com/gmail/api/guides/vacation_settings", false],
    ["peer-reviewed study", "https://doi.org/10.1126/science.abl4476", true],
  ])("%s at %s: %s", (kind, url, official) => {
    expect(isOfficialAddress(kind, url)).toBe(official);
  });
});

describe("sources on pages", () => {
  const register = parseRegister(
    entry(study) +
      entry({
        ...study,
        key: "bcs-code",
        kind: "professional body",
        title: "BCS Code of Conduct",
        url: "https://www.bcs.org/code",
      }),
    "s.yaml",
  );

  it("resolves a page's keys in its own order", () => {
    expect(resolveSources(["bcs-code", "rajkumar-2022-weak-ties"], register.byKey).map((s) => s.key)).toEqual([
      "bcs-code",
      "rajkumar-2022-weak-ties",
    ]);
    expect(() => resolveSources(["nope"], register.byKey)).toThrow(/"nope" is not in the register/);
  });

  it("groups /sources/ by kind, with each source's citing pages", () => {
    const groups = sourceGroups(register.sources, [
      { title: "Network Expansion", path: "/practices/network-expansion/", sources: ["rajkumar-2022-weak-ties"] },
      { title: "Networking in Technology", path: "/industries/technology/", sources: ["bcs-code", "bcs-code"] },
    ]);
    expect(groups.map((g) => [g.heading, g.sources.map((s) => [s.key, s.pages.map((p) => p.path)])])).toEqual([
      ["Peer-reviewed studies", [["rajkumar-2022-weak-ties", ["/practices/network-expansion/"]]]],
      ["Professional bodies", [["bcs-code", ["/industries/technology/"]]]],
    ]);
  });
});
