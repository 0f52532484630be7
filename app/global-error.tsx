"use client";

// Replaces the root layout when it fails itself: its own document, and a plain message with the reference.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · PROVA directory</title>
        <main>
          <h1>Something went wrong</h1>
          <p>
            Try again in a moment; if it keeps failing, give an administrator this reference: <code>{error.digest ?? "none"}</code>.
          </p>
          <button type="button" onClick={() => retry()}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
