import { getHandbook } from "./handbook.ts";
import { encodeListsData, type ListsData } from "../lib/lists/practices.ts";

/** What /lists/ needs to show any list (see ListsData), built once per build. */
export async function buildListsData(): Promise<ListsData> {
  const { sections, practices } = await getHandbook();
  return encodeListsData(
    sections.map(({ id, title }) => ({ id, title })),
    practices.map((p) => ({
      id: p.id,
      title: p.title,
      source: p.source,
      sectionId: p.sectionId,
      sectionTitle: p.sectionTitle,
      aliases: p.aliases,
    })),
  );
}
