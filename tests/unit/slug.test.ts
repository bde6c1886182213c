import { describe, expect, it } from "vitest";
import { slugify } from "../../src/lib/content/slug.ts";

describe("slugify", () => {
  it("turns headings into the ids the site publishes", () => {
    expect(slugify("Networking Best Practices by Industry")).toBe("networking-best-practices-by-industry");
    expect(slugify("Follow-up")).toBe("follow-up");
    expect(slugify("Quality vs. Quantity")).toBe("quality-vs-quantity");
    expect(slugify("Face-to-Face Meetings")).toBe("face-to-face-meetings");
  });

  it("keeps letters outside ASCII, as GitHub and Astro do", () => {
    expect(slugify("Café Networking")).toBe("café-networking");
  });

  it("is stateless: the same heading always gives the same id", () => {
    expect(slugify("Mentorship")).toBe(slugify("Mentorship"));
  });
});
