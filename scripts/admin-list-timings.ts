// npm run admin:timings -- --database <url> [--runs 20]
// Times the admin lists (organisations and contacts) as the server runs them: p50/p95 of the
// data function's wall time, for representative filters and a deep keyset page.
import { parseArgs } from "node:util";
import { LaunchError } from "./lib/database";
import { main } from "./lib/run";

const { values } = parseArgs({ options: { database: { type: "string" }, runs: { type: "string", default: "20" } } });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

await main(async () => {
  if (!values.database) throw new LaunchError("Name the database to measure: npm run admin:timings -- --database postgresql://…");
  process.env.DATABASE_URL = values.database;
  const { db } = await import("../lib/db");
  const { listOrganisationsForAdmin } = await import("../lib/data/admin-organisations");
  const { listContactsForAdmin } = await import("../lib/data/admin-contacts");
  const { encodeCursor } = await import("../lib/data/keyset");
  const { getHealthFigures } = await import("../lib/data/health");
  const { listDueForChecking } = await import("../lib/data/verification");
  const runs = Number(values.runs);
  const [{ count }] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM "Organisation"`;
  // A cursor deep in the list: the name in the middle.
  const [middle] = await db.$queryRaw<{ name: string; id: string }[]>`SELECT name, id FROM "Organisation" ORDER BY name, id OFFSET ${Number(count) / 2} LIMIT 1`;
  const deep = encodeCursor({ value: middle.name, id: middle.id });
  type Case = [string, () => Promise<unknown>];
  const cases: Case[] = [
    ["organisations, by name", () => listOrganisationsForAdmin({ sort: "name" })],
    ["organisations, by name, page in the middle", () => listOrganisationsForAdmin({ sort: "name", after: deep })],
    ["organisations, recently changed", () => listOrganisationsForAdmin({ sort: "updated" })],
    ["organisations, country=de kind=ngo", () => listOrganisationsForAdmin({ sort: "name", country: "de", kind: "NGO" })],
    ["organisations, archived", () => listOrganisationsForAdmin({ sort: "name", status: "ARCHIVED" })],
    ["organisations, not verified for 12 months", () => listOrganisationsForAdmin({ sort: "name", unverified: true })],
    ["organisations, with changes waiting", () => listOrganisationsForAdmin({ sort: "name", pending: true })],
    ["organisations, q=rotterdam", () => listOrganisationsForAdmin({ sort: "name", q: "rotterdam" })],
    ["organisations, q=projekt-zusammenhalt.de", () => listOrganisationsForAdmin({ sort: "name", q: "projekt-zusammenhalt.de" })],
    ["organisations, q=exit", () => listOrganisationsForAdmin({ sort: "name", q: "exit" })],
    ["organisations, q=exit, recently changed", () => listOrganisationsForAdmin({ sort: "updated", q: "exit" })],
    ["organisations, q=exit country=de", () => listOrganisationsForAdmin({ sort: "name", q: "exit", country: "de" })],
    ["organisations, q=tolérance kind=ngo", () => listOrganisationsForAdmin({ sort: "name", q: "tolérance", kind: "NGO" })],
    ["organisations, q=zqxw (no match)", () => listOrganisationsForAdmin({ sort: "name", q: "zqxw" })],
    ["contacts, first page", () => listContactsForAdmin({})],
    ["due for checking, first page", () => listDueForChecking({})],
    ["dashboard health figures (taken every ten minutes at most)", () => getHealthFigures.uncached()],
    ["contacts, q=@projekt-zusammenhalt.de", () => listContactsForAdmin({ q: "@projekt-zusammenhalt.de" })],
    ["contacts, q=+3162", () => listContactsForAdmin({ q: "+3162" })],
  ];
  console.log(`${Number(count).toLocaleString("en-GB")} organisations; ${runs} runs per case (ms, wall time of the data function)\n`);
  console.log("| list | p50 | p95 | max |\n| --- | ---: | ---: | ---: |");
  for (const [name, run] of cases) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times.at(-1)!.toFixed(1)} |`);
  }
  await db.$disconnect();
});
