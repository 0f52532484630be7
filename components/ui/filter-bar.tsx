import { Button } from "@/components/ui/button";

/**
 * A list's filters: a GET form, so the view lives in the URL (shareable, kept on reload) and works
 * without JavaScript. Submitting it drops the page cursor: new filters start at the first page.
 */
export function FilterBar({ label, submit = "Show", children }: { label: string; submit?: string; children: React.ReactNode }) {
  return (
    <form method="get" role="search" aria-label={label} className="mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 p-4">
      {children}
      <Button type="submit" variant="secondary">
        {submit}
      </Button>
    </form>
  );
}

const labelClass = "block text-sm font-medium";
const controlClass = "mt-1 rounded-md border border-slate-400 px-2 py-2";

/** A labelled select in a filter bar; its value comes from the URL. */
export function FilterSelect({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={controlClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type InputProps = { name: string; label: string; value?: string; type?: "search" | "text"; placeholder?: string; maxLength?: number; className?: string };

/** A labelled text or search field in a filter bar; `className` sets its width. */
export function FilterInput({ name, label, value, type = "search", placeholder, maxLength, className = "w-64" }: InputProps) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={labelClass}>
        {label}
      </label>
      <input id={`filter-${name}`} name={name} type={type} defaultValue={value ?? ""} placeholder={placeholder} maxLength={maxLength} className={`${controlClass} ${className}`} />
    </div>
  );
}

/** A checkbox filter: present in the URL as `name=1` when ticked. */
export function FilterCheckbox({ name, label, checked }: { name: string; label: string; checked?: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} /> {label}
    </label>
  );
}
