/**
 * A template of the form's texts (form-texts.ts) with its `{name}`s filled in:
 * `fill("Contact {number}: kind", { number: 2 })` is "Contact 2: kind".
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
