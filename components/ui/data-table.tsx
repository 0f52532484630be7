import Link from "next/link";

export type Column<Row> = {
  header: string;
  cell: (row: Row) => React.ReactNode;
  /** Extra classes of the column's cells, e.g. "whitespace-nowrap" or "break-all". */
  className?: string;
};

type Props<Row> = {
  /** Names the table for screen readers (shown to them only). */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows: an <EmptyState>. */
  empty: React.ReactNode;
};

/** An admin list: one row per item, or its empty state. */
export function DataTable<Row>({ caption, columns, rows, rowKey, empty }: Props<Row>) {
  if (rows.length === 0) return empty;
  return (
    <table className="mt-6 w-full border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          {columns.map((column) => (
            <th key={column.header} scope="col" className="py-2 pr-4 last:pr-0">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-slate-200 align-top">
            {columns.map((column) => (
              <td key={column.header} className={`py-2 pr-4 last:pr-0${column.className ? ` ${column.className}` : ""}`}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The links to other pages of a list (see keysetLinks); nothing when there is one page. `label`
 * names the navigation for screen readers, in the reader's language (Admin.pages).
 */
export function Pager({ label, links }: { label: string; links: { label: string; href: string }[] }) {
  if (links.length === 0) return null;
  return (
    <nav aria-label={label} className="mt-6 flex gap-4">
      {links.map((link) => (
        <Link key={link.label} href={link.href} className="text-brand-700 underline hover:no-underline">
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
