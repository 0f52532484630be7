import { NotFoundContent } from "@/components/layout/not-found-content";

// Rendered inside the public layout, which already provides the header and the main landmark.
export default function NotFound() {
  return <NotFoundContent />;
}
