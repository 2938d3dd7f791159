/** The clinic's logo mark as an SVG document: the favicon, inlined in every page's head and served at /favicon.ico. */
export const FAVICON_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 36 36'><rect width='36' height='36' rx='10' fill='#18524e'/>" +
  "<path d='M11 27V17a7 7 0 0 1 14 0v10M8 27h20' fill='none' stroke='white' stroke-width='2.4' stroke-linecap='round'/></svg>";
