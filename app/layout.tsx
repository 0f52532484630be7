import type { Metadata } from "next";
import { appUrl } from "@/lib/env";
import "./globals.css";

const description = "A European directory of organisations that work to prevent radicalisation and violent extremism.";

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(appUrl()),
    title: { default: "PROVA directory", template: "%s · PROVA directory" },
    description,
    openGraph: { siteName: "PROVA directory", type: "website", locale: "en_GB", title: "PROVA directory", description },
  };
}

// The document itself (<html lang>) comes from each group's layout (components/layout/document.tsx):
// a public page's language is in its address, below this layout.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
