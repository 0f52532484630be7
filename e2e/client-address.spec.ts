// The client address is decided once, at the edge (server.js): the socket's peer when no proxy is
// trusted, the entry the trusted proxies appended otherwise. A client that writes its own
// X-Forwarded-For cannot escape the per-address throttle, lock out someone else's address, or
// write a made-up address into the audit log.
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./factories";
import { issueFormToken } from "../lib/security/form-token";
import { deriveKey } from "../lib/security/keys";
import { startInstance, type Instance } from "./instances";
import { freshAddress, postCredentials, sql } from "./support";

const loopback = ["127.0.0.1", "::1"];

test("behind one trusted proxy, the entries a client wrote itself are never read: the audit log shows the address the proxy appended", async ({ request }) => {
  const email = `forger-${crypto.randomUUID()}@prova.test`;
  const real = freshAddress();
  const forged = freshAddress();
  expect(await postCredentials(request, email, "wrong", `${forged}, ${real}`)).toBe("CredentialsSignin");
  const rows = await sql<{ address: string }>(`SELECT address FROM "AuditEvent" WHERE subject = $1 AND action = 'sign-in.failure'`, [email]);
  expect(rows.map((row) => row.address)).toEqual([real]);
});

// These two tests own the rows of this machine's loopback address, which every run of them shares:
// exclusive, so that a repeat in the other worker does not add its attempts to theirs.
test.describe("with no proxy trusted", () => {
  test.describe.configure({ mode: "serial" });
  let direct: Instance;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    direct = await startInstance("direct", { TRUSTED_PROXY_HOPS: "0", LOGIN_MAX_FAILURES: "3", SUGGESTION_MAX_PER_HOUR: "2", REDIS_URL: "" });
  });

  test.afterAll(async () => {
    await direct?.stop();
  });

  test("a new X-Forwarded-For on every attempt still locks the address, and the audit log shows the real one", { tag: "@exclusive" }, async () => {
    // This test's own rows: the attempts from this machine's loopback address.
    await sql(`DELETE FROM "LoginAttempt" WHERE address = ANY($1)`, [loopback]);
    const context = await playwrightRequest.newContext({ baseURL: direct.url });
    const run = crypto.randomUUID();
    try {
      for (let i = 0; i < 3; i++) {
        expect(await postCredentials(context, `nobody-${i}-${run}@prova.test`, "wrong", freshAddress())).toBe("CredentialsSignin");
      }
      // A fourth address, a fourth account: the loopback address made three failures.
      expect(await postCredentials(context, `nobody-3-${run}@prova.test`, "wrong", freshAddress())).toMatch(/^throttled/);
      const rows = await sql<{ address: string }>(`SELECT DISTINCT address FROM "AuditEvent" WHERE subject LIKE $1`, [`%-${run}@prova.test`]);
      expect(rows.length).toBe(1);
      expect(loopback).toContain(rows[0].address);
    } finally {
      await context.dispose();
      await sql(`DELETE FROM "LoginAttempt" WHERE address = ANY($1)`, [loopback]);
    }
  });

  test("a new X-Forwarded-For on every suggestion still meets the hourly limit of the real address", { tag: "@exclusive" }, async () => {
    await sql(`DELETE FROM "SuggestionAttempt" WHERE address = ANY($1)`, [loopback]);
    const context = await playwrightRequest.newContext({ baseURL: direct.url });
    const name = `Forwarded ${crypto.randomUUID().slice(0, 8)}`;
    // A stamp as the form would carry it, issued long enough ago.
    const issued = issueFormToken(deriveKey(process.env.NEXTAUTH_SECRET!, "form-stamp"), Date.now() - 10_000);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const form = { name: `${name} ${i}`, kind: "OTHER", countries: "BE", description: "Scripted.", issued };
        statuses.push((await context.post("/api/suggestions", { headers: { "x-forwarded-for": freshAddress() }, multipart: form })).status());
      }
      expect(statuses).toEqual([201, 201, 429]);
      const rows = await sql<{ address: string }>(`SELECT DISTINCT "suggesterAddress" AS address FROM "ChangeSet" WHERE proposed->>'name' LIKE $1`, [`${name}%`]);
      expect(rows.length).toBe(1);
      expect(loopback).toContain(rows[0].address);
    } finally {
      await context.dispose();
      await sql(`DELETE FROM "ChangeSet" WHERE proposed->>'name' LIKE $1`, [`${name}%`]);
      await sql(`DELETE FROM "SuggestionAttempt" WHERE address = ANY($1)`, [loopback]);
    }
  });
});
