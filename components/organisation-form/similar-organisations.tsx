"use client";

import Link from "next/link";
import type { SimilarMatch, SimilarOrganisation } from "@/lib/data/admin-organisations";

const why = ({ reason, shared }: SimilarMatch) =>
  reason === "email" ? `same e-mail address: ${shared}` : reason === "phone" ? `same phone number: ${shared}` : reason === "domain" ? `same website domain: ${shared}` : "similar name";

/** Organisations already in the directory that look like the one being typed, each with why. */
export function SimilarOrganisations({ items }: { items: SimilarOrganisation[] }) {
  return (
    <div aria-live="polite">
      {items.length ? (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">Already in the directory? These look similar:</p>
          <ul className="mt-1 list-disc pl-5">
            {items.map((item) => (
              <li key={item.id}>
                <Link href={`/admin/organisations/${item.id}/edit`} target="_blank" className="underline">
                  {item.name}
                </Link>{" "}
                ({item.matches.map(why).join("; ")}; opens in a new tab)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
