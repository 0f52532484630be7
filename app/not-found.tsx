import { EnglishPage } from "@/components/layout/english-page";
import { NotFoundContent } from "@/components/layout/not-found-content";

// For addresses that match no route; a missing organisation or country uses (public)/[locale]/not-found.tsx.
export default function NotFound() {
  return (
    <EnglishPage>
      <NotFoundContent locale="en" />
    </EnglishPage>
  );
}
