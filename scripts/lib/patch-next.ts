// One change to the installed Next.js (npm's postinstall runs scripts/patch-next.ts). Before every
// entry it stores, Next's IncrementalCache.set measures it with `JSON.stringify(entry).length`,
// for a size limit that applies only to its data cache (`fetchCache`): a page's entry holds its
// HTML and its RSC payload as Buffers, which JSON turns into arrays of numbers, so each page
// stored cost several times its size in garbage and about a quarter of a cold render's time.
// The patch measures only what the limit applies to. Next 16.5.0 still
// measures everything; scripts/lib/patch-next.test.ts fails when an upgrade changes the code.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** The measure as Next's bundled runtimes write it (minified, or with names in development). */
const bundled = /let ([\w$]+)=JSON\.stringify\(([\w$]+)\)\.length;if\(([\w$]+)\.fetchCache&&\1>2097152/g;
/** The same in Next's own modules (dist/server, dist/esm/server). */
const readable = /const itemSize = JSON\.stringify\(data\)\.length;(\s*)if \(ctx\.fetchCache && itemSize > 2 \* 1024 \* 1024/g;

/** `source` with the entry measured only for the data cache; anything else unchanged. */
export function patchSource(source: string): string {
  return source
    .replace(bundled, "let $1;if($3.fetchCache&&($1=JSON.stringify($2).length)>2097152")
    .replace(readable, "const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;$1if (ctx.fetchCache && itemSize > 2 * 1024 * 1024");
}

/** Whether `source` still measures every entry. */
export function measuresEveryEntry(source: string): boolean {
  return new RegExp(bundled.source).test(source) || new RegExp(readable.source).test(source);
}

/** Patches every JavaScript file of Next's `dist` that needs it; the paths it changed. */
export async function patchNext(nextDirectory: string): Promise<string[]> {
  const dist = path.join(nextDirectory, "dist");
  const changed: string[] = [];
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = await readFile(file, "utf8");
    if (!source.includes("JSON.stringify")) continue;
    const patched = patchSource(source);
    if (patched === source) continue;
    await writeFile(file, patched);
    changed.push(file);
  }
  return changed;
}
