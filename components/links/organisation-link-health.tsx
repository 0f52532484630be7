import Link from "next/link";
import { LinkProblems } from "@/components/links/link-verdict";
import { ActionForm } from "@/components/ui/action-form";
import { draftLinkChange } from "@/lib/actions/links";
import type { LinkState } from "@/lib/data/links";

/** On an organisation's edit page: what the link checker found wrong with its links, and a draft for a moved one. */
export function OrganisationLinkHealth({ organisationId, links }: { organisationId: string; links: LinkState[] | undefined }) {
  if (!links?.length) return null;
  return (
    <section aria-labelledby="link-health-heading" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="link-health-heading" className="font-semibold">
        Link health
      </h2>
      <LinkProblems links={links} detailed />
      {links
        .filter((link) => link.verdict === "moved" && link.suggestedUrl)
        .map((link) => (
          <ActionForm
            key={link.url}
            action={draftLinkChange}
            fields={{ organisationId, url: link.url }}
            submit={<>Draft the change to {link.suggestedUrl}</>}
            pending="Drafting…"
            className="mt-2"
          />
        ))}
      <p className="mt-2 text-sm">
        <Link href="/admin/links" className="text-brand-700 underline">
          Every link problem
        </Link>
      </p>
    </section>
  );
}
