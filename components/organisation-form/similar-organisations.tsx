"use client";

import Link from "next/link";
import type { SimilarMatch, SimilarOrganisation } from "@/lib/data/admin-organisations";
import type { FormTexts } from "@/components/organisation-form/form-texts";
import { fill } from "@/lib/i18n/template";

const why = ({ reason, shared }: SimilarMatch, t: FormTexts) =>
  reason === "email"
    ? fill(t.similarEmail, { shared: shared ?? "" })
    : reason === "phone"
      ? fill(t.similarPhone, { shared: shared ?? "" })
      : reason === "domain"
        ? fill(t.similarDomain, { shared: shared ?? "" })
        : t.similarName;

/** Organisations already in the directory that look like the one being typed, each with why. */
export function SimilarOrganisations({ items, texts: t }: { items: SimilarOrganisation[]; texts: FormTexts }) {
  return (
    <div aria-live="polite">
      {items.length ? (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">{t.similar}</p>
          <ul className="mt-1 list-disc pl-5">
            {items.map((item) => (
              <li key={item.id}>
                <Link href={`/admin/organisations/${item.id}/edit`} target="_blank" className="underline">
                  {item.name}
                </Link>{" "}
                ({[...item.matches.map((match) => why(match, t)), t.similarNewTab].join("; ")})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
