import { getHandbook } from "./handbook.ts";
import { encodePracticeList, type PracticeList } from "../lib/search/practice-list.ts";

/** The practice list the first search needs (see PracticeList), built once per build. */
export async function buildPracticeList(): Promise<PracticeList> {
  const { sections, industries, practices } = await getHandbook();
  return encodePracticeList(
    sections.map(({ id, title }) => ({ id, title })),
    industries.map(({ id, title }) => ({ id, title })),
    practices.map((p) => ({
      id: p.id,
      title: p.title,
      section: p.sectionId,
      subsection: p.subsection,
      industries: p.industries,
    })),
  );
}
