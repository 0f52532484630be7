import Link from "next/link";

export function NotFoundContent() {
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">Page not found</h1>
      <p className="mt-3 text-slate-700">
        There is no page at this address. It may have moved, or the organisation may no longer be listed.
      </p>
      <p className="mt-6">
        <Link href="/" className="text-brand-700 underline hover:no-underline">
          Go to the directory&apos;s home page
        </Link>{" "}
        or{" "}
        <Link href="/search" className="text-brand-700 underline hover:no-underline">
          search the directory
        </Link>
        .
      </p>
    </>
  );
}
