/**
 * V8 flags for the job worker and `npm run import`: a small young generation and a capped old one.
 * Under a steady stream of short-lived objects (an import's rows) V8 otherwise lets its heap grow
 * lazily to hundreds of MB though little is live; with these a 200,000-row import stays near
 * 260 MB (docs/benchmarks.md) for a few seconds more. package.json's `import` script repeats them.
 */
export const boundedHeapFlags = ["--max-semi-space-size=4", "--max-old-space-size=256"];
