import { openapi } from "./openapi";

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema: Record<string, unknown> };
type Operation = { summary: string; description?: string; parameters?: readonly Parameter[]; responses: Record<string, { description: string }> };

const schemaText = (schema: Record<string, unknown>): string => {
  if (schema.$ref) return String(schema.$ref).split("/").pop()!;
  const parts = [String(schema.type ?? "")];
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? ""}–${schema.maximum ?? ""}`);
  if (schema.default !== undefined) parts.push(`default ${schema.default}`);
  return parts.filter(Boolean).join(", ");
};

/** docs/api.md, rendered from the OpenAPI description (npm run api:docs writes it; a test compares). */
export function renderApiDocs(): string {
  const lines = [
    "# Public API",
    "",
    "<!-- Generated from lib/api/openapi.ts by `npm run api:docs`: do not edit by hand. -->",
    "",
    openapi.info.description,
    "",
    `Licence: ${openapi.info.license.name} (SPDX \`${openapi.info.license.identifier}\`).`,
    "",
    "The machine-readable description (OpenAPI 3.1) is at `/api/v1/openapi.json`.",
    "",
  ];
  for (const [path, item] of Object.entries(openapi.paths)) {
    const operation = (item as { get: Operation }).get;
    lines.push(`## GET ${path}`, "", operation.summary + ".", "");
    if (operation.description) lines.push(operation.description, "");
    if (operation.parameters?.length) {
      lines.push("| parameter | in | type | meaning |", "| --- | --- | --- | --- |");
      for (const parameter of operation.parameters) lines.push(`| \`${parameter.name}\` | ${parameter.in} | ${schemaText(parameter.schema)} | ${parameter.description ?? ""} |`);
      lines.push("");
    }
    lines.push("| status | meaning |", "| --- | --- |");
    for (const [status, response] of Object.entries(operation.responses)) lines.push(`| ${status} | ${response.description} |`);
    lines.push("");
  }
  lines.push(
    "## Kinds",
    "",
    openapi.components.schemas.Kind.enum.map((kind) => `\`${kind}\``).join(", "),
    "",
    "## An organisation",
    "",
    "| field | type |",
    "| --- | --- |",
    ...Object.entries(openapi.components.schemas.Organisation.properties).map(([name, schema]) => `| \`${name}\` | ${schemaText(schema as Record<string, unknown>)}${"description" in schema ? `: ${schema.description}` : ""} |`),
    "",
  );
  return lines.join("\n");
}
