/** The practice list bundled into the search module by src/pages/lazy/[name].js.ts. */
declare module "virtual:search-data" {
  const data: import("./data/search-data.ts").SearchData;
  export default data;
}
