"use client";

// Replaces the root layout when it fails itself: its own document, plain markup (the root layout's
// style sheet may be what failed), the site's name as the header, the reference and a way back.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · PROVA directory</title>
        <header>
          {/* A plain link, not next/link: the router may be what failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">PROVA directory</a>
        </header>
        <main id="main">
          <h1>Something went wrong</h1>
          <p>
            Try again in a moment; if it keeps failing, give an administrator this reference: <code>{error.digest ?? "none"}</code>.
          </p>
          <p>
            <button type="button" onClick={() => retry()}>
              Try again
            </button>{" "}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">Go to the home page</a>
          </p>
        </main>
      </body>
    </html>
  );
}
