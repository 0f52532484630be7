/**
 * The `<html>` and `<body>` of every page. The root layout (app/layout.tsx) passes its children
 * through, so that each group's layout can give the document its own language: a public page's
 * from its address (`/fr/…`), the admin's and sign-in pages' English. The error pages that
 * replace everything below the root layout bring it too.
 */
export function Document({ lang, children }: { lang: string; children: React.ReactNode }) {
  return (
    <html lang={lang}>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
