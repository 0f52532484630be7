// The scripts' one way to open a plain connection: it always ends the client it opened.
import { describe, expect, it } from "vitest";
import { freePort } from "./database";
import { connectPg, pgQuery, withPg } from "./pg-client";

const url = process.env.DATABASE_URL!;

describe("pg-client", () => {
  it("runs one statement with values and returns its rows", async () => {
    expect(await pgQuery<{ sum: number }>(url, "SELECT $1::int + $2::int AS sum", [2, 3])).toEqual([{ sum: 5 }]);
  });

  it("ends the client when the function fails", async () => {
    let used: Awaited<ReturnType<typeof connectPg>> | undefined;
    const failure = new Error("the caller's own failure");
    await expect(
      withPg(url, async (client) => {
        used = client;
        await client.query("SELECT 1");
        throw failure;
      }),
    ).rejects.toBe(failure);
    await expect(used!.query("SELECT 1")).rejects.toThrow(/not queryable|closed/i);
  });

  it("turns a failed connection into the caller's error, and a failed statement is left as it is", async () => {
    const closed = new URL(url);
    closed.port = String(await freePort());
    const connectError = (error: unknown) => new Error(`no server: ${(error as { code?: string }).code}`);
    await expect(pgQuery(closed.toString(), "SELECT 1", [], { connectError })).rejects.toThrow("no server: ECONNREFUSED");
    await expect(pgQuery(url, "SELECT * FROM no_such_table", [], { connectError })).rejects.toThrow(/no_such_table/);
  });
});
