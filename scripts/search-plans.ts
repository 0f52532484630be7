// npm run search:plans -- --database <url> [--runs 30] [--plans]
// Times the search statement (one per search: count, page and facets) for a set of representative
// queries (p50/p95 in the database: EXPLAIN ANALYZE's planning and execution time, since every
// search is planned anew) and optionally prints its plan. A typo's case counts all that a typo
// costs: the words' statement, which finds nothing, the dictionary lookups of the corrected words,
// then the fallback's statement.
import { parseArgs } from "node:util";
import { LaunchError } from "./lib/database";
import { main } from "./lib/run";

const { values } = parseArgs({
  options: { database: { type: "string" }, runs: { type: "string", default: "30" }, plans: { type: "boolean", default: false } },
});

const cases: (Record<string, string> & { mode?: "similar" })[] = [
  { q: "tolerance" },
  { q: "allo tolerance" },
  { q: "tolerence" },
  // What a typo costs in all: the words find nothing, then the corrected words are looked for.
  { q: "tolerence", mode: "similar" },
  { q: "cuta" },
  { q: "threat asessment" },
  { q: "threat asessment", mode: "similar" },
  { q: "prevention" },
  { q: "radicalisation extremism" },
  { q: "démocratie" },
  { q: "xqzwv plorkt" },
  { q: "prevention", country: "fr" },
  { q: "", country: "be" },
  { q: "", country: "de", kind: "ngo" },
  { q: "prevention", page: "40" },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

await main(async () => {
  if (!values.database) throw new LaunchError("Name the database to measure: npm run search:plans -- --database postgresql://…");
  process.env.DATABASE_URL = values.database;
  const { db } = await import("../lib/db");
  const { correctedQuery, correctionStatements, tableStats, searchStatements } = await import("../lib/data/search");
  const { searchParamsSchema } = await import("../lib/validation/search");
  const { Prisma } = await import("../lib/generated/prisma/client");
  const runs = Number(values.runs);
  const known = await tableStats();
  const [{ count }] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM "Organisation"`;
  console.log(`${Number(count).toLocaleString("en-GB")} organisations; ${runs} runs per statement (ms in PostgreSQL: planning and execution)\n`);
  console.log("| query | statement | p50 | p95 | max | of which planning, p50 |\n| --- | --- | ---: | ---: | ---: | ---: |");
  for (const input of cases) {
    const { mode = "words", ...query } = input;
    const params = searchParamsSchema.parse(query);
    const corrected = mode === "similar" ? ((await correctedQuery(params.q)) ?? undefined) : undefined;
    const statements = searchStatements(params, mode, params.q ? known : undefined, corrected);
    // Timed before the statement of this case, in the same run.
    const before = mode === "similar" ? [searchStatements(params, "words", known).search, ...correctionStatements(params.q)] : [];
    for (const [name, statement] of Object.entries(statements)) {
      const times: number[] = [];
      const planning: number[] = [];
      // Timed without per-node timing: reading the clock twice per row and node adds a fifth or
      // more to these statements on this machine (pg_test_timing: 52 ns a call).
      for (let run = 0; run < runs; run++) {
        let planned = 0;
        let total = 0;
        for (const timed of [...before, statement]) {
          const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, TIMING OFF) ${timed}`);
          const text = rows.map((row) => row["QUERY PLAN"]).join("\n");
          const planningTime = Number(text.match(/Planning Time: ([\d.]+) ms/)?.[1]);
          planned += planningTime;
          total += planningTime + Number(text.match(/Execution Time: ([\d.]+) ms/)?.[1]);
        }
        planning.push(planned);
        times.push(total);
      }
      const plan = values.plans
        ? (await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`)).map((row) => row["QUERY PLAN"]).join("\n")
        : "";
      times.sort((a, b) => a - b);
      planning.sort((a, b) => a - b);
      const label = new URLSearchParams(query).toString() + (mode === "similar" ? " (typo fallback)" : "");
      console.log(`| \`${label}\` | ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times.at(-1)!.toFixed(1)} | ${percentile(planning, 50).toFixed(1)} |`);
      if (values.plans) console.log(`\n\`\`\`\n${plan}\n\`\`\`\n`);
    }
  }
  await db.$disconnect();
});
