import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-brand-900 text-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-900"
      >
        Skip to content
      </a>
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
          </ul>
        </nav>
      </div>
    </header>
  );
}
