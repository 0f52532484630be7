import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PROVA directory", template: "%s · PROVA directory" },
  description:
    "A European directory of organisations that work to prevent radicalisation and violent extremism.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
