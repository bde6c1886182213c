import { describe, expect, it } from "vitest";
import { nextChoice, readChoice, type ThemeChoice } from "../../src/lib/site/theme.ts";

describe("readChoice", () => {
  it("takes a saved light or dark, and follows the system for anything else", () => {
    expect(readChoice("light")).toBe("light");
    expect(readChoice("dark")).toBe("dark");
    expect(readChoice(null)).toBe("system");
    expect(readChoice("Dark")).toBe("system");
    expect(readChoice("system")).toBe("system");
  });
});

describe("nextChoice", () => {
  it("visits all three states and returns to the start", () => {
    for (const systemDark of [false, true]) {
      const seen: ThemeChoice[] = ["system"];
      let choice = nextChoice("system", systemDark);
      while (choice !== "system") {
        seen.push(choice);
        choice = nextChoice(choice, systemDark);
      }
      expect(new Set(seen)).toEqual(new Set(["system", "light", "dark"]));
    }
  });

  it("from the system setting, the first press shows the other theme", () => {
    expect(nextChoice("system", false)).toBe("dark");
    expect(nextChoice("system", true)).toBe("light");
  });
});
