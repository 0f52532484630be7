import Link from "next/link";
import { SkipLink } from "@/components/layout/skip-link";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-brand-900 text-white">
        <SkipLink />
      <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-4">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          PROVA <span className="font-normal text-brand-100">directory</span>
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-5 text-sm" role="list">
            <li>
              <Link href="/search" className="underline-offset-4 hover:underline">
                Search
              </Link>
            </li>
            <li>
              <Link href="/suggest" className="underline-offset-4 hover:underline">
                Propose an organisation
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
