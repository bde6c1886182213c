import type { APIRoute } from "astro";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import SearchTemplates from "../../components/search/SearchTemplates.astro";
import { buildPracticeList } from "../../data/search-data.ts";
import { href } from "../../lib/site/href.ts";
import { paths } from "../../lib/site/urls.ts";
import type { SearchUiData } from "../../lib/search/practice-list.ts";

/** Published at SEARCH_UI_PATH: fetched on intent, never by a reading page before it. */
export const GET: APIRoute = async () => {
  const list = await buildPracticeList();
  const container = await AstroContainer.create();
  const templates = await container.renderToString(SearchTemplates, {
    props: { sections: list.sections.map((s) => ({ title: s.title, url: href(paths.section(s.id)) })) },
  });
  const body: SearchUiData = { templates, ...list };
  return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
};
