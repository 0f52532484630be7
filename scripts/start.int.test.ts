// The launcher's failures are one clear line, not a stack trace.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "./lib/database";

const root = path.resolve(import.meta.dirname, "..");

function launch(script: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", script, ...args], {
      cwd: root,
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME ?? "/tmp", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("npm start", () => {
  it("says so when the port is already in use", async () => {
    const server = net.createServer().listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const { code, output } = await launch("scripts/start.ts", { PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is already in use`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      server.close();
    }
  });

  it("says what to do when DATABASE_URL points at nothing", async () => {
    const deadPort = await freePort();
    const { code, output } = await launch("scripts/start.ts", {
      PORT: String(await freePort()),
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort}/prova`,
    });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${deadPort}/prova: nothing is listening there.`);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it("names each invalid setting", async () => {
    const { code, output } = await launch("scripts/start.ts", { PORT: "http", DATABASE_URL: "mysql://localhost/prova" });
    expect(code).toBe(1);
    expect(output).toContain("PORT must be a port number");
    expect(output).toContain("DATABASE_URL must be a postgresql:// URL");
    expect(output).not.toMatch(/\n\s+at /);
  });

  it("says when the database named in DATABASE_URL does not exist", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = "/prova_no_such_database";
    const { code, output } = await launch("scripts/db-deploy.ts", { DATABASE_URL: url.toString() });
    expect(code).toBe(1);
    expect(output).toContain("the database does not exist");
  });

  it("refuses a real database without its own NEXTAUTH_SECRET", async () => {
    const { code, output } = await launch("scripts/start.ts", { PORT: String(await freePort()), DATABASE_URL: process.env.DATABASE_URL! });
    expect(code).toBe(1);
    expect(output).toContain("With DATABASE_URL set, NEXTAUTH_SECRET must be set too");
  });

  it("refuses a real database that holds the demo accounts", async () => {
    const { code, output } = await launch("scripts/start.ts", {
      PORT: String(await freePort()),
      DATABASE_URL: process.env.DATABASE_URL!,
      NEXTAUTH_SECRET: "a-real-secret-of-at-least-32-characters!!",
    });
    expect(code).toBe(1);
    // Which demo accounts other tests left beside the admin's varies: the admin's is always there.
    expect(output).toMatch(/has the demo accounts \([^)]*admin@prova\.test[^)]*\), whose passwords are public/);
  });
});

describe("npm run user:create", () => {
  it("creates an account with a generated password when no terminal asks for one", async () => {
    const email = `first-admin-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const created = await launch("scripts/user-create.ts", { DATABASE_URL: process.env.DATABASE_URL! }, ["--email", email, "--role", "admin", "--name", "First Admin"]);
    expect(created.code).toBe(0);
    expect(created.output).toMatch(new RegExp(`Created admin ${email}\\. Password \\(shown once\\): \\S{20}`));
    const again = await launch("scripts/user-create.ts", { DATABASE_URL: process.env.DATABASE_URL! }, ["--email", email, "--role", "admin"]);
    expect(again.code).toBe(1);
    expect(again.output).toContain(`An account for ${email} already exists.`);
  });

  it("names what is wrong with the input", async () => {
    const { code, output } = await launch("scripts/user-create.ts", { DATABASE_URL: process.env.DATABASE_URL! }, ["--email", "not-an-email", "--role", "boss"]);
    expect(code).toBe(1);
    expect(output).toContain("email: Enter an e-mail address such as info@example.org.");
    expect(output).toContain("role: Choose a role: admin, editor or reviewer.");
  });
});
