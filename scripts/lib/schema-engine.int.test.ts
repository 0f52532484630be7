import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema, readMigrations, withSchemaEngine } from "./schema-engine";

const url = process.env.DATABASE_URL!;

describe("migrations", () => {
  it("produce exactly the schema in schema.prisma (no drift)", async () => {
    expect(await diffMigrationsToSchema(url)).toBe("");
  });

  it("are all applied to the test database, unedited", async () => {
    const migrationsList = await readMigrations();
    const filters = { externalTables: [], externalEnums: [] };
    const diagnosis = await withSchemaEngine(url, (engine) =>
      engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters }),
    );
    expect(diagnosis).toMatchObject({ history: null, failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true });
  });

  it("are kept in Prisma's own format", async () => {
    const { migrationDirectories, lockfile } = await readMigrations();
    expect(lockfile.content).toContain('provider = "postgresql"');
    expect(migrationDirectories.length).toBeGreaterThan(0);
    for (const directory of migrationDirectories) {
      expect(directory.path).toMatch(/^\d{14}_\w+$/);
      expect(directory.migrationFile.content.tag).toBe("ok");
    }
  });
});
