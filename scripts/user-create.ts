// npm run user:create -- --email ada@example.org --role admin [--name "Ada Lovelace"]
// Creates an account on the configured database (the first admin of a real deployment). The
// password is asked for on a terminal; without one it is generated and printed once.
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { LaunchError, resolveDatabase } from "./lib/database";
import { main } from "./lib/run";
import { deployMigrations } from "./lib/schema-engine";
import { ConflictError } from "../lib/data/errors";
import { userSchema } from "../lib/validation/user";

async function askPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await readline.question("Password (at least 12 characters; empty to generate one): ");
    return answer || null;
  } finally {
    readline.close();
  }
}

await main(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } } });
  if (!values.email || !values.role) {
    throw new LaunchError('Usage: npm run user:create -- --email ada@example.org --role admin|editor|reviewer [--name "Ada Lovelace"]');
  }
  const typed = await askPassword();
  const password = typed ?? randomBytes(15).toString("base64url");
  const parsed = userSchema.safeParse({ email: values.email, role: values.role.toUpperCase(), name: values.name ?? values.email.split("@")[0], password });
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    throw new LaunchError(Object.entries(errors).map(([field, messages]) => `${field}: ${messages?.join(" ")}`).join("\n  "));
  }
  const database = await resolveDatabase();
  try {
    await deployMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    const { createUser } = await import("../lib/data/users");
    try {
      const user = await createUser(parsed.data);
      console.log(`Created ${user.role.toLowerCase()} ${user.email}.${typed ? "" : ` Password (shown once): ${password}`}`);
    } catch (error) {
      if (error instanceof ConflictError) throw new LaunchError(error.message);
      throw error;
    } finally {
      const { db } = await import("../lib/db");
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
});
