import Link from "next/link";

/** The way back above a page's heading: "Reviews / Allo-Tolerance". */
export function Breadcrumb({ href, label, current }: { href: string; label: string; current: string }) {
  return (
    <p className="text-sm text-slate-600">
      <Link href={href} className="underline">
        {label}
      </Link>{" "}
      / {current}
    </p>
  );
}
