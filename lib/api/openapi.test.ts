import { readFileSync } from "node:fs";
import path from "node:path";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { openapi } from "./openapi";
import { renderApiDocs } from "./render-docs";

describe("the API description", () => {
  it("lists exactly the kinds the data model has", () => {
    expect([...openapi.components.schemas.Kind.enum].sort()).toEqual(Object.values(OrganisationKind).map((kind) => kind.toLowerCase()).sort());
  });

  it("is what docs/api.md says (run npm run api:docs after changing it)", () => {
    expect(readFileSync(path.join(import.meta.dirname, "../../docs/api.md"), "utf8")).toBe(renderApiDocs());
  });

  it("passes Redocly's recommended ruleset with no error and no warning", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(openapi, null, 2), absoluteRef: "openapi.json", config });
    const lines = problems.map(({ severity, ruleId, message, location }) => `${severity} ${ruleId} at ${location.map(({ pointer }) => pointer).join(", ")}: ${message}`);
    expect(lines).toEqual([]);
  });
});
