import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrganisationArticle } from "@/components/organisation/organisation-article";
import { requireUser } from "@/lib/auth/session";
import { getChangePreview } from "@/lib/data/change-sets";
import { isId } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Preview — not public", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/**
 * The public organisation page as it will look with the change applied: the public page's own
 * component, rendered per request for signed-in staff (an admin page: never cached, not
 * indexed). Not Next's draft mode, so nothing of it can reach the public pages' cache.
 */
export default async function ChangePreviewPage({ params }: Props) {
  const { id } = await params;
  const session = await requireUser(`/admin/changes/${id}/preview`);
  const preview = isId(id) ? await getChangePreview(session.user, id) : null;
  if (!preview) notFound();
  const back = preview.own ? `/admin/changes/${id}` : session.user.role === "EDITOR" ? null : `/admin/reviews/${id}`;
  return (
    <>
      <div role="note" aria-labelledby="preview-banner" className="mb-8 rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
        <p id="preview-banner" className="text-lg font-bold">
          Preview — not public
        </p>
        <p className="mt-1">
          This is how the page will look once the change is approved.{" "}
          {preview.kind === "ARCHIVE" ? "Approving it archives the organisation: its page will no longer be public. " : null}
          {back ? (
            <Link href={back} className="font-medium underline">
              Back to the change
            </Link>
          ) : null}
          {back && preview.publishedSlug ? " · " : null}
          {preview.publishedSlug ? (
            <Link href={`/en/organisations/${preview.publishedSlug}`} className="font-medium underline">
              See the page as published
            </Link>
          ) : preview.kind === "CREATE" ? (
            "It has no published page yet."
          ) : null}
        </p>
      </div>
      <OrganisationArticle organisation={preview.organisation} locale="en" />
    </>
  );
}
