/**
 * A template (a text formatted on the server with `{name}`s left for the client, e.g. form-texts.ts) filled in:
 * `fill("Contact {number}: kind", { number: 2 })` is "Contact 2: kind".
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
