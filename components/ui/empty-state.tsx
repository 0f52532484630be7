/** What a list shows when it has nothing to show: why, and optionally what to do about it. */
export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="mt-6 rounded-lg border border-dashed border-slate-300 px-4 py-6 text-slate-700">
      <p className="font-medium text-slate-900">{title}</p>
      {children ? <div className="mt-1 text-sm">{children}</div> : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
