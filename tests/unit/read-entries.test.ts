import { describe, expect, it } from "vitest";
import { validateEntry } from "../../src/lib/content/read-entries.ts";
import { plainSchemas } from "../../src/lib/content/schemas.ts";

describe("validateEntry", () => {
  it("names the file's line of a YAML error, counting the opening ---", () => {
    // Found by fuzzing: the line was YAML's own, one short of the file's.
    const { problems } = validateEntry("x.mdx", "---\ntitle: Home\nsummary: a: b\n---\n", plainSchemas.home);
    expect(problems).toMatchObject([{ kind: "frontmatter", file: "x.mdx", line: 3 }]);
    expect(problems[0]!.message).toMatch(/^the frontmatter is not valid YAML: /);
  });

  it("refuses an unknown YAML tag as a problem in the file instead of a console warning", () => {
    // Found by fuzzing: `!custom` printed a YAMLWarning without the file's name and its value passed as text.
    const { data, problems } = validateEntry("x.mdx", "---\ntitle: !custom Home\n---\n", plainSchemas.home);
    expect(data).toBeUndefined();
    expect(problems).toMatchObject([{ kind: "frontmatter", line: 2 }]);
    expect(problems[0]!.message).toMatch(/Unresolved tag: !custom/);
  });
});
