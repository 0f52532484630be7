import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { clientAddressHeader } from "@/lib/security/request-facts";
import { authOptions } from "./options";
import { signInErrorMessage } from "./errors";

// The credentials provider's authorize, as next-auth calls it: null is "CredentialsSignin", a
// thrown error's message is the error the sign-in form shows (lib/auth/errors.ts).

const run = crypto.randomUUID().slice(0, 8);
const email = `disabled-${run}@prova.test`;
const password = "correct horse battery staple";
let userId: string;

beforeAll(async () => {
  // As server.js does: the client address header is the edge's decision.
  (globalThis as Record<symbol, unknown>)[Symbol.for("prova.edge")] = true;
  ({ id: userId } = await db.user.create({
    data: { email, name: "Dee Disabled", role: "EDITOR", passwordHash: await hashPassword(password), disabledAt: new Date() },
    select: { id: true },
  }));
});

afterAll(async () => {
  await db.loginAttempt.deleteMany({ where: { email: { endsWith: `-${run}@prova.test` } } });
  await db.auditEvent.deleteMany({ where: { subject: { endsWith: `-${run}@prova.test` } } });
  await db.user.delete({ where: { id: userId } });
  await db.$disconnect();
});

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
const authorize: Authorize = (credentials, request) => {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize(credentials, request);
};

/** What the sign-in form would show: next-auth turns null into CredentialsSignin, a thrown error into its message. */
async function answer(account: string, typed: string, address = `test-${crypto.randomUUID().slice(0, 8)}`) {
  try {
    const user = await authorize({ email: account, password: typed }, { headers: { [clientAddressHeader]: address } });
    return user ? "signed in" : await signInErrorMessage("CredentialsSignin", "en");
  } catch (error) {
    return await signInErrorMessage((error as Error).message, "en");
  }
}

describe("signing in to a disabled account", () => {
  it("with the right password, says the account is disabled; with a wrong one, says what it says to an unknown e-mail", async () => {
    expect(await answer(email, password)).toBe("Your account is disabled; ask an administrator.");
    const unknown = await answer(`nobody-${run}@prova.test`, password);
    expect(unknown).toBe("The e-mail address or password is not correct.");
    expect(await answer(email, "not the password")).toBe(unknown);
    expect(await db.session.count({ where: { userId } })).toBe(0);
  });

  it("counts every attempt as a failure, and is throttled like any account, before the password is looked at", async () => {
    const address = `test-${crypto.randomUUID().slice(0, 8)}`;
    const before = await db.loginAttempt.count({ where: { email, succeeded: false } });
    await answer(email, password, address);
    expect(await db.loginAttempt.count({ where: { email, succeeded: false } })).toBe(before + 1);
    expect(await db.loginAttempt.count({ where: { email, succeeded: true } })).toBe(0);
    // Up to the account's limit: the right password is then refused for the wait alone.
    while ((await db.loginAttempt.count({ where: { email, succeeded: false } })) < serverEnv().LOGIN_MAX_FAILURES) await answer(email, "guess", `test-${crypto.randomUUID().slice(0, 8)}`);
    expect(await answer(email, password)).toMatch(/^Too many failed sign-ins\. Try again in \d+ minutes?\.$/);
  });
});
