// npm's postinstall, after the Prisma client: the one change this project makes to the installed
// Next.js (why: scripts/lib/patch-next.ts). Running it again changes nothing.
import { createRequire } from "node:module";
import path from "node:path";
import { patchNext } from "./lib/patch-next";

const nextDirectory = path.dirname(createRequire(import.meta.url).resolve("next/package.json"));
const changed = await patchNext(nextDirectory);
if (changed.length > 0) console.log(`Next.js: ${changed.length} files measure only data-cache entries before storing them (scripts/lib/patch-next.ts).`);
