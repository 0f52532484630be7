import { Document } from "@/components/layout/document";
import Link from "next/link";
import { SkipLink } from "@/components/layout/skip-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SignOutEverywhereButton } from "@/components/auth/sign-out-everywhere-button";
import { requireUser } from "@/lib/auth/session";
import { countAwaitingReview } from "@/lib/data/change-sets";

// Not a guard (layouts do not re-run on every navigation): each admin page checks the session itself.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireUser();
  const reviewer = user.role === "ADMIN" || user.role === "REVIEWER";
  // What this reviewer may decide: their own changes wait for someone else.
  const awaiting = reviewer ? await countAwaitingReview(user) : 0;
  return (
    <Document lang="en">
      <header className="border-b border-slate-200 bg-brand-900 text-white">
        <SkipLink />
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/admin" className="font-semibold">
            PROVA <span className="font-normal text-brand-100">admin</span>
          </Link>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <nav aria-label="Administration" className="flex flex-wrap gap-x-4 gap-y-1">
              <Link href="/admin/organisations" className="underline-offset-4 hover:underline">
                Organisations
              </Link>
              <Link href="/admin/contacts" className="underline-offset-4 hover:underline">
                Contacts
              </Link>
              <Link href="/admin/links" className="underline-offset-4 hover:underline">
                Link health
              </Link>
              <Link href="/admin/duplicates" className="underline-offset-4 hover:underline">
                Duplicates
              </Link>
              <Link href="/admin/due" className="underline-offset-4 hover:underline">
                Due for checking
              </Link>
              <Link href="/admin/imports" className="underline-offset-4 hover:underline">
                Imports
              </Link>
              {reviewer ? (
                // Read as "Reviews 2 waiting" (a real space before the badge, not a margin alone).
                <Link href="/admin/reviews" className="underline-offset-4 hover:underline">
                  Reviews{awaiting ? " " : null}
                  {awaiting ? (
                    <span className="rounded-full bg-amber-300 px-2 text-xs font-semibold text-slate-950">
                      {awaiting}
                      <span className="sr-only"> waiting</span>
                    </span>
                  ) : null}
                </Link>
              ) : null}
              {user.role === "ADMIN" ? (
                <>
                  <Link href="/admin/users" className="underline-offset-4 hover:underline">
                    Users
                  </Link>
                  <Link href="/admin/audit" className="underline-offset-4 hover:underline">
                    Audit log
                  </Link>
                  <Link href="/admin/jobs" className="underline-offset-4 hover:underline">
                    Jobs
                  </Link>
                </>
              ) : null}
            </nav>
            <Link
              href="/admin/account"
              aria-label={`${user.name} (${user.role.toLowerCase()}), your account`}
              className="underline-offset-4 hover:underline"
            >
              {user.name} <span className="text-brand-100">({user.role.toLowerCase()})</span>
            </Link>
            <SignOutButton />
            <SignOutEverywhereButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </Document>
  );
}
