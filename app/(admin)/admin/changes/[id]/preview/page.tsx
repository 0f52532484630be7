import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrganisationArticle } from "@/components/organisation/organisation-article";
import { currentSession, requireUser } from "@/lib/auth/session";
import { getChangePreview } from "@/lib/data/change-sets";
import { defaultLocale, localePath } from "@/lib/i18n/locales";
import { isId } from "@/lib/validation/ids";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Changes" });
  return { title: t("previewTitle"), robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ id: string }> };

/**
 * The public organisation page as it will look with the change applied: the public page's own
 * component, rendered per request for signed-in staff (an admin page: never cached, not
 * indexed). Not Next's draft mode, so nothing of it can reach the public pages' cache. In the
 * staff member's language: the public page in that language, and its published one's link.
 */
export default async function ChangePreviewPage({ params }: Props) {
  const { id } = await params;
  const session = await requireUser(`/admin/changes/${id}/preview`);
  const preview = isId(id) ? await getChangePreview(session.user, id) : null;
  if (!preview) notFound();
  const locale = session.user.language ?? defaultLocale;
  const t = await getTranslations({ locale, namespace: "Changes" });
  const back = preview.own ? `/admin/changes/${id}` : session.user.role === "EDITOR" ? null : `/admin/reviews/${id}`;
  return (
    <>
      <div role="note" aria-labelledby="preview-banner" className="mb-8 rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
        <p id="preview-banner" className="text-lg font-bold">
          {t("previewTitle")}
        </p>
        <p className="mt-1">
          {t("previewIntro")}{" "}
          {preview.kind === "ARCHIVE" ? <>{t("previewArchive")} </> : null}
          {back ? (
            <Link href={back} className="font-medium underline">
              {t("backToChange")}
            </Link>
          ) : null}
          {back && preview.publishedSlug ? " · " : null}
          {preview.publishedSlug ? (
            <Link href={localePath(locale, `/organisations/${preview.publishedSlug}`)} className="font-medium underline">
              {t("seePublished")}
            </Link>
          ) : preview.kind === "CREATE" ? (
            t("noPublishedPage")
          ) : null}
        </p>
      </div>
      <OrganisationArticle organisation={preview.organisation} locale={locale} />
    </>
  );
}
