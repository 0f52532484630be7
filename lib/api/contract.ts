// The read API's contract, taken from its OpenAPI document: the operations it lists, whether an
// answer is one it documents (status, headers, content type, body against the schema, with ajv),
// and parameter values made from its schemas (fast-check), valid and invalid. e2e/api-contract.spec.ts
// runs it against the server; it lives here so that the checks themselves are unit-tested.
import Ajv2020Module from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";

// ajv is CommonJS: under ESM its class is the default export's `default`.
const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module }).default ?? Ajv2020Module;

type Schema = Record<string, unknown>;
type Reference = { $ref: string };
export type Parameter = { name: string; in: "query" | "path" | "header" | "cookie"; required?: boolean; schema: Schema };
type HeaderObject = { required?: boolean; schema?: Schema };
type ResponseObject = { description: string; headers?: Record<string, HeaderObject | Reference>; content?: Record<string, { schema?: Schema }> };
type OperationObject = { operationId?: string; parameters?: (Parameter | Reference)[]; responses: Record<string, ResponseObject | Reference> };
/** The parts of an OpenAPI 3.1 document this module reads. */
export type OpenApiDocument = { paths: Record<string, Record<string, unknown>>; components?: Record<string, Record<string, unknown>> };

export type Operation = { method: string; path: string; operationId: string; parameters: Parameter[]; responses: Record<string, ResponseObject> };
/** An answer as received: header names in lower case, the body as text. */
export type Answer = { status: number; headers: Record<string, string>; body: string };

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** A parameter value that cannot be sent in a path segment: nothing, or a dot segment that URLs resolve away. */
const unsendableInPath = (value: string) => value === "" || value === "." || value === "..";

/** The value a query or path string stands for under a primitive schema (a string that is not a number stays a string, and fails `type`). */
function coerce(schema: Schema, value: string): unknown {
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.includes("integer") && /^-?\d+$/.test(value)) return Number(value);
  if (types.includes("number") && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return Number(value);
  if (types.includes("boolean") && (value === "true" || value === "false")) return value === "true";
  return value;
}

export function createContract(document: OpenApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  // OpenAPI's own annotations in a schema, and `components`, which holds the document's schemas below.
  ajv.addVocabulary(["example", "xml", "externalDocs", "discriminator", "components"]);
  addFormats(ajv);
  // One copy of the components, so that `#/components/...` references inside schemas resolve.
  ajv.addSchema({ $id: "openapi.json", components: document.components ?? {} });

  const resolve = <T>(node: T | Reference): T => {
    let current: unknown = node;
    for (let hops = 0; current && typeof current === "object" && "$ref" in current; hops++) {
      const ref = String((current as Reference).$ref);
      if (!ref.startsWith("#/") || hops > 20) throw new Error(`Unsupported reference ${ref}`);
      current = ref
        .slice(2)
        .split("/")
        .reduce<unknown>((parent, key) => (parent as Record<string, unknown>)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
      if (current === undefined) throw new Error(`Unresolved reference ${ref}`);
    }
    return current as T;
  };

  const compiled = new Map<unknown, ReturnType<typeof ajv.compile>>();
  /** ajv's messages for `value` against `schema` (its $refs point into the document's components). */
  const schemaErrors = (schema: Schema, value: unknown): string[] => {
    let validate = compiled.get(schema);
    if (!validate) {
      // The schema's own `#/components/…` references, pointed at the components added above.
      const rebased = JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"openapi.json#/'));
      validate = ajv.compile(rebased);
      compiled.set(schema, validate);
    }
    return validate(value)
      ? []
      : (validate.errors ?? []).map(
          (error) => `${error.instancePath || "(root)"} ${error.message}${error.params && "allowedValues" in error.params ? ` (${(error.params.allowedValues as unknown[]).join(", ")})` : ""}`,
        );
  };

  const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) => {
    const shared = ((item.parameters as (Parameter | Reference)[] | undefined) ?? []).map((parameter) => resolve(parameter));
    return methods
      .filter((method) => item[method])
      .map((method) => {
        const operation = item[method] as OperationObject;
        const own = (operation.parameters ?? []).map((parameter) => resolve(parameter));
        const parameters = [...shared.filter((parameter) => !own.some((o) => o.name === parameter.name && o.in === parameter.in)), ...own];
        const responses = Object.fromEntries(Object.entries(operation.responses).map(([status, response]) => [status, resolve(response)]));
        return { method: method.toUpperCase(), path, operationId: operation.operationId ?? `${method} ${path}`, parameters, responses };
      });
  });

  /** Everything about `answer` that the document does not allow for `operation`; empty when it conforms. */
  function check(operation: Operation, answer: Answer): string[] {
    const status = String(answer.status);
    const documented = operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
    if (!documented) return [`${operation.operationId}: status ${status} is not documented (documented: ${Object.keys(operation.responses).join(", ")})`];
    const problems: string[] = [];
    const at = `${operation.operationId} ${status}`;
    for (const [name, header] of Object.entries(documented.headers ?? {}).map(([name, header]) => [name, resolve(header)] as const)) {
      const value = answer.headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) problems.push(`${at}: header ${name} is missing`);
      } else if (header.schema) {
        problems.push(...schemaErrors(header.schema, value).map((message) => `${at}: header ${name}: ${message}`));
      }
    }
    const mediaType = answer.headers["content-type"]?.split(";")[0].trim().toLowerCase();
    if (!documented.content) {
      if (answer.body.length) problems.push(`${at}: a body (${answer.body.length} characters) where the document has none`);
      return problems;
    }
    if (!mediaType) return [...problems, `${at}: no Content-Type`];
    const key = [mediaType, `${mediaType.split("/")[0]}/*`, "*/*"].find((candidate) => candidate in documented.content!);
    if (!key) return [...problems, `${at}: Content-Type ${mediaType} is not documented (documented: ${Object.keys(documented.content).join(", ")})`];
    const schema = documented.content[key].schema;
    if (!schema) return problems;
    let value: unknown = answer.body;
    if (/^application\/(.+\+)?json$/.test(mediaType)) {
      try {
        value = JSON.parse(answer.body);
      } catch {
        return [...problems, `${at}: the body is not JSON`];
      }
    }
    return [...problems, ...schemaErrors(schema, value).map((message) => `${at}: body ${message}`)];
  }

  /** What is wrong with `value`, as sent in a URL, for `parameter`; empty when the document allows it. */
  const checkParameter = (parameter: Parameter, value: string) => schemaErrors(parameter.schema, coerce(resolve(parameter.schema), value));
  const conforms = (parameter: Parameter, value: string) => checkParameter(parameter, value).length === 0;
  const sendable = (parameter: Parameter) => (value: string) => parameter.in !== "path" || !unsendableInPath(value);

  /** Strings as people type them (printable text in any script, emoji) and as scripts send them (control characters, NUL). */
  const text = (constraints: { minLength?: number; maxLength?: number }) => fc.oneof(fc.string({ unit: "grapheme", ...constraints }), fc.string({ unit: "binary-ascii", ...constraints }));

  /** Values the document allows for `parameter`, as sent in a URL. */
  function validValue(parameter: Parameter): fc.Arbitrary<string> {
    const schema = resolve<Schema>(parameter.schema);
    const type = ([] as unknown[]).concat(schema.type ?? []).find((t) => t !== "null");
    let candidates: fc.Arbitrary<string>;
    if (Array.isArray(schema.enum)) candidates = fc.constantFrom(...schema.enum.map(String));
    else if (type === "integer") candidates = fc.integer({ min: Number(schema.minimum ?? -1e9), max: Number(schema.maximum ?? 1e9) }).map(String);
    else if (type === "number") candidates = fc.double({ min: Number(schema.minimum ?? -1e9), max: Number(schema.maximum ?? 1e9), noNaN: true }).map(String);
    else if (type === "boolean") candidates = fc.constantFrom("true", "false");
    else if (type === "string" && typeof schema.pattern === "string") candidates = fc.stringMatching(new RegExp(schema.pattern, "u"));
    else if (type === "string" && schema.format === "uuid") candidates = fc.uuid();
    else if (type === "string" && schema.format === "date-time") candidates = fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    else if (type === "string" && !schema.format) {
      // Unbounded strings stay short enough for a URL (a server refuses a request line past ~16 KB).
      const bounds = { minLength: Number(schema.minLength ?? 0), maxLength: Number(schema.maxLength ?? 100) };
      // Now and then the longest value allowed, counted in code points as JSON Schema counts.
      const longest = fc.string({ unit: "grapheme-composite", minLength: bounds.maxLength, maxLength: bounds.maxLength });
      candidates = fc.oneof({ arbitrary: text(bounds), weight: 4 }, { arbitrary: longest, weight: 1 });
    } else throw new Error(`${parameter.name}: no generator for the schema ${JSON.stringify(schema)}`);
    return candidates.filter((value) => sendable(parameter)(value) && conforms(parameter, value));
  }

  /** Values the document refuses for `parameter`; null when it takes any string. */
  function invalidValue(parameter: Parameter): fc.Arbitrary<string> | null {
    const schema = resolve<Schema>(parameter.schema);
    const constrained =
      ["enum", "pattern", "format", "minLength", "maxLength", "minimum", "maximum", "const"].some((keyword) => keyword in schema) ||
      ([] as unknown[]).concat(schema.type ?? []).some((t) => t !== "string");
    if (!constrained) return null;
    const tooLong = typeof schema.maxLength === "number" ? [fc.string({ unit: "grapheme-ascii", minLength: schema.maxLength + 1, maxLength: schema.maxLength + 20 })] : [];
    const outOfRange = [
      ...(typeof schema.minimum === "number" ? [fc.integer({ min: -1e12, max: schema.minimum - 1 }).map(String)] : []),
      ...(typeof schema.maximum === "number" ? [fc.integer({ min: schema.maximum + 1, max: 1e12 }).map(String)] : []),
    ];
    return fc
      .oneof(text({ maxLength: 40 }), fc.constantFrom("", "0", "-1", "1.5", "1e3", "null", "true", "00000000-0000-0000-0000-00000000000g"), ...tooLong, ...outOfRange)
      .filter((value) => sendable(parameter)(value) && !conforms(parameter, value));
  }

  return { operations, check, checkParameter, validValue, invalidValue };
}

/** Every string found under the key `name` anywhere in a JSON value: ids and slugs that one answer gives and another operation takes. */
export function harvest(value: unknown, name: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => harvest(item, name));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) => (key === name && typeof item === "string" ? [item] : harvest(item, name)));
}

/** The path of `operation` with its path parameters filled in (percent-encoded) and its query parameters appended. */
export function requestPath(operation: Operation, values: Record<string, string>): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name]));
  const query = new URLSearchParams(Object.entries(values).filter(([name]) => !operation.parameters.some((parameter) => parameter.in === "path" && parameter.name === name)));
  return query.size ? `${path}?${query}` : path;
}
