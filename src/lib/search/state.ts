/**
 * The state of a search as it appears in a shareable URL:
 * `/search/?q=follow+up&section=offline-networking-strategies&industry=finance`.
 * Repeating a key selects several values; values are ids, not display titles,
 * so links survive a title's wording changing.
 */
export interface SearchState {
  query: string;
  sections: string[];
  industries: string[];
}

export const EMPTY_STATE: SearchState = { query: "", sections: [], industries: [] };

const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** Reads a search from URL query parameters. Unknown keys are ignored. */
export function parseSearchState(params: URLSearchParams): SearchState {
  return {
    query: (params.get("q") ?? "").trim(),
    sections: unique(params.getAll("section")),
    industries: unique(params.getAll("industry")),
  };
}

/** Writes a search as URL query parameters, in a stable order, omitting what is empty. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set("q", state.query.trim());
  for (const section of unique(state.sections)) params.append("section", section);
  for (const industry of unique(state.industries)) params.append("industry", industry);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Adds the value if absent, removes it if present: what a filter chip does. */
export function toggle(values: readonly string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
