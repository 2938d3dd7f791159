import { z } from "zod";

/**
 * zod for the schemas that also run in the browser. By default zod compiles a fast object parser
 * with `new Function`, probing for it first; the pages' Content Security Policy has no
 * 'unsafe-eval', so that probe is refused and reported as a CSP violation. In the browser zod
 * therefore runs without compiling (it must be configured before any schema is made, hence this
 * module); the server keeps the compiled parsers.
 */
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
