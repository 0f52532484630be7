import { describe, expect, it } from "vitest";
import { EnvError, launcherEnv, parseServerEnv } from "./env";

describe("launcherEnv", () => {
  it("accepts an empty environment with defaults", () => {
    expect(launcherEnv({})).toEqual({ PORT: 3000, LOGIN_MAX_FAILURES: 10, LOGIN_WINDOW_MINUTES: 15, AUDIT_RETENTION_DAYS: 90, TRUSTED_PROXY_HOPS: 0, SUGGESTION_MAX_PER_HOUR: 5, SUGGESTION_MAX_ATTEMPTS_PER_HOUR: 30, SUGGESTION_RETENTION_DAYS: 90, LINK_CHECK_INTERVAL_DAYS: 7, LINK_CHECK_ALLOWED_HOSTS: [], VERIFICATION_INTERVAL_MONTHS: 12, MAIL_FROM: "PROVA directory <no-reply@localhost>" });
  });

  it("reads the hosts the link checker may find on private addresses as a list", () => {
    expect(launcherEnv({ LINK_CHECK_ALLOWED_HOSTS: " Intranet.example.org, 127.0.0.1 ," }).LINK_CHECK_ALLOWED_HOSTS).toEqual(["intranet.example.org", "127.0.0.1"]);
  });

  it("reads the verification interval in whole months", () => {
    expect(launcherEnv({ VERIFICATION_INTERVAL_MONTHS: "6" }).VERIFICATION_INTERVAL_MONTHS).toBe(6);
    expect(() => launcherEnv({ VERIFICATION_INTERVAL_MONTHS: "0" })).toThrow("VERIFICATION_INTERVAL_MONTHS must be at least 1");
    expect(() => launcherEnv({ VERIFICATION_INTERVAL_MONTHS: "1.5" })).toThrow("VERIFICATION_INTERVAL_MONTHS must be a whole number");
  });

  it("treats empty values as unset", () => {
    expect(launcherEnv({ DATABASE_URL: "", PORT: "" })).toMatchObject({ PORT: 3000 });
    expect(launcherEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names each bad variable with what to do", () => {
    let error: unknown;
    try {
      launcherEnv({ DATABASE_URL: "mysql://x", PORT: "99999", NEXTAUTH_SECRET: "short", SMTP_URL: "http://mail.example.org" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain("DATABASE_URL must be a postgresql:// URL");
    expect(message).toContain("PORT must be between 1 and 65535");
    expect(message).toContain("NEXTAUTH_SECRET must be at least 32 characters");
    expect(message).toContain("SMTP_URL must be an smtp:// or smtps:// URL");
  });

  it("checks the several-instance settings", () => {
    expect(() => launcherEnv({ REDIS_URL: "http://localhost:6379" })).toThrow("REDIS_URL must be a redis:// or rediss:// URL");
    expect(() => launcherEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow("must be a base64 AES key of 16, 24 or 32 bytes");
    expect(() => launcherEnv({ CACHE_KEY_PREFIX: "a b" })).toThrow("CACHE_KEY_PREFIX must be");
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(launcherEnv({ REDIS_URL: "redis://localhost:6379", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key, CACHE_KEY_PREFIX: "prova-eu" })).toMatchObject({
      REDIS_URL: "redis://localhost:6379",
      CACHE_KEY_PREFIX: "prova-eu",
    });
  });

  it("accepts a PostgreSQL URL and coerces the port", () => {
    expect(launcherEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/prova", PORT: "4000" })).toMatchObject({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/prova",
      PORT: 4000,
    });
  });
});

describe("parseServerEnv", () => {
  const database = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/prova" };
  const secret = "a-real-secret-of-at-least-32-characters!!";

  it("refuses a production server without NEXTAUTH_SECRET, or with a short one", () => {
    expect(() => parseServerEnv({ ...database, NODE_ENV: "production" })).toThrow(
      "NEXTAUTH_SECRET must be set in production: at least 32 characters (generate one with: openssl rand -base64 32)",
    );
    expect(() => parseServerEnv({ ...database, NODE_ENV: "production", NEXTAUTH_SECRET: "" })).toThrow("NEXTAUTH_SECRET must be set in production");
    expect(() => parseServerEnv({ ...database, NODE_ENV: "production", NEXTAUTH_SECRET: "short" })).toThrow("NEXTAUTH_SECRET must be at least 32 characters");
    expect(parseServerEnv({ ...database, NODE_ENV: "production", NEXTAUTH_SECRET: secret }).NEXTAUTH_SECRET).toBe(secret);
  });

  it("lets the build and development run without one", () => {
    expect(parseServerEnv({ ...database, NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).NEXTAUTH_SECRET).toBeUndefined();
    expect(parseServerEnv({ ...database, NODE_ENV: "development" }).NEXTAUTH_SECRET).toBeUndefined();
  });

  it("lets the build run without a database, which it never reads; a server needs one", () => {
    expect(parseServerEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).DATABASE_URL).toBe("");
    expect(() => parseServerEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secret })).toThrow("DATABASE_URL is not set");
  });
});
