import { apiJson, apiOptions } from "@/lib/api/http";
import { openapi } from "@/lib/api/openapi";

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 description. */
export function GET(request: Request) {
  return apiJson(request, openapi);
}

export const OPTIONS = apiOptions;
