// npm run api:docs: writes docs/api.md from the OpenAPI description in lib/api/openapi.ts.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { renderApiDocs } from "../lib/api/render-docs";
import { projectRoot } from "./lib/database";

await writeFile(path.join(projectRoot, "docs/api.md"), renderApiDocs());
console.log("Wrote docs/api.md");
