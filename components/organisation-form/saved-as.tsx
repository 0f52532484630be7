/** How a value will be saved and shown, when that differs from what was typed ("Will be saved as {value}"). */
export function SavedAs({ value, template }: { value?: string; template: string }) {
  if (!value) return null;
  const [before, after = ""] = template.split("{value}");
  return (
    <p className="mt-1 text-sm text-slate-700">
      {before}
      <span className="font-medium text-slate-900">{value}</span>
      {after}
    </p>
  );
}
