export type FormValue = string | FormValue[] | { [key: string]: FormValue };

const unsafeKeys = new Set(["__proto__", "constructor", "prototype"]);
const maxIndex = 1000;

/**
 * A form's fields as a plain object for a schema: Next's `$ACTION_…` fields dropped, a repeated
 * name becomes an array, and `contacts[0][value]` becomes `{ contacts: [{ value }] }`
 * (`Object.fromEntries` would keep only the last value and flat keys). Files are ignored.
 */
export function formDataToObject(formData: FormData): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const path = parsePath(name);
    if (path) assign(root, path, value);
  }
  return root;
}

/** `a[0][b]` → ["a", 0, "b"]; null for a name that is not a well-formed path. */
function parsePath(name: string): (string | number)[] | null {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
  if (!match) return null;
  const segments: (string | number)[] = [match[1]];
  for (const [, segment] of match[2].matchAll(/\[([^[\]]*)\]/g)) {
    if (/^\d+$/.test(segment)) {
      const index = Number(segment);
      if (index > maxIndex) return null;
      segments.push(index);
    } else if (segment === "") {
      return null;
    } else {
      segments.push(segment);
    }
  }
  return segments.some((segment) => typeof segment === "string" && unsafeKeys.has(segment)) ? null : segments;
}

function assign(root: Record<string, FormValue>, path: (string | number)[], value: string) {
  let node: Record<string, FormValue> | FormValue[] = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const container = typeof path[i + 1] === "number" ? [] : {};
    // Own properties only: `toString[x]` must not reach Object.prototype.toString.
    const existing = Object.hasOwn(node, key) ? (node as Record<string | number, FormValue>)[key] : undefined;
    if (existing === undefined || typeof existing === "string") {
      (node as Record<string | number, FormValue>)[key] = container;
    } else if (Array.isArray(existing) !== Array.isArray(container)) {
      return; // `a[0]` and `a[b]` in one form: keep the first shape
    }
    node = (node as Record<string | number, FormValue>)[key] as Record<string, FormValue> | FormValue[];
  }
  const last = path[path.length - 1];
  const target = node as Record<string | number, FormValue>;
  const existing = Object.hasOwn(target, last) ? target[last] : undefined;
  if (existing === undefined) target[last] = value;
  else if (Array.isArray(existing) && typeof last === "string") existing.push(value);
  else if (typeof existing === "string" && typeof last === "string") target[last] = [existing, value];
}
