import { readConfig } from "../lib/config.ts";
import { readRegister, type SourceRegister } from "../lib/content/source-register.ts";
import { resolveSources, sourceGroups, type CitedSource, type SourceGroup } from "../lib/site/sources.ts";
import { industryTitle } from "../lib/site/view-model.ts";
import { paths } from "../lib/site/urls.ts";
import { getHandbook } from "./handbook.ts";

let register: SourceRegister | undefined;

/** content/sources.yaml, read once per build; the content check has already refused any problem in it. */
function getRegister(): SourceRegister {
  register ??= readRegister(readConfig().contentDir);
  return register;
}

/** The sources a page cites, by their keys, as its Sources list shows them. */
export const citedSources = (keys: readonly string[]): CitedSource[] => resolveSources(keys, getRegister().byKey);

/** Every source in the register, by kind, with the pages that cite it: what /sources/ shows. */
export async function getSourceGroups(): Promise<SourceGroup[]> {
  const handbook = await getHandbook();
  const pages = [
    { title: "Home", path: paths.home(), sources: handbook.home.data.sources },
    ...handbook.sections.map((s) => ({ title: s.title, path: paths.section(s.id), sources: s.entry.data.sources })),
    ...handbook.practices.map((p) => ({
      // Namesakes ("Follow-up") are told apart by their subsection, as everywhere else.
      title: p.namesakes.length > 0 ? `${p.title} (${p.subsection})` : p.title,
      path: paths.practice(p.id),
      sources: p.entry.data.sources,
    })),
    ...handbook.industries.map((i) => ({
      title: industryTitle(i.title),
      path: paths.industry(i.id),
      sources: i.entry.data.sources,
    })),
  ];
  return sourceGroups(getRegister().sources, pages);
}
