/** How a value will be saved and shown, when that differs from what was typed. */
export function SavedAs({ value }: { value?: string }) {
  return value ? (
    <p className="mt-1 text-sm text-slate-700">
      Will be saved as <span className="font-medium text-slate-900">{value}</span>
    </p>
  ) : null;
}
