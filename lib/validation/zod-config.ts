// Imported first by every schema module. In the browser zod runs without its JIT: otherwise its
// first object schema probes `new Function`, which the pages' Content-Security-Policy (no
// 'unsafe-eval') blocks and reports as a violation, even though zod catches the error. The
// server keeps the faster compiled parsers. Must run before any schema is built: zod decides per
// schema, when it is constructed.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
