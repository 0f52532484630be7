import type { LinkState } from "@/lib/data/links";

const labels: Record<NonNullable<LinkState["verdict"]>, { text: string; className: string }> = {
  ok: { text: "Answers", className: "bg-emerald-100 text-emerald-900" },
  moved: { text: "Moved", className: "bg-amber-100 text-amber-900" },
  broken: { text: "Broken", className: "bg-red-100 text-red-900" },
  failing: { text: "Failing", className: "bg-orange-100 text-orange-900" },
  blocked: { text: "Blocks checks", className: "bg-slate-200 text-slate-900" },
  refused: { text: "Not checked (unsafe address)", className: "bg-slate-200 text-slate-900" },
};

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A link's verdict as a badge, with what was found (status or error) for its title. */
export function LinkVerdict({ link }: { link: LinkState }) {
  if (!link.verdict) return null;
  const { text, className } = labels[link.verdict];
  const found = link.status ? `HTTP ${link.status}` : (link.error ?? "");
  const checked = link.checkedAt ? `checked ${date.format(new Date(link.checkedAt))}` : "";
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${className}`} title={[found, checked].filter(Boolean).join(", ")}>
      {text}
    </span>
  );
}

/** The badges of an organisation's links with a problem, for admin lists and the edit page. */
export function LinkProblems({ links, detailed = false }: { links: LinkState[] | undefined; detailed?: boolean }) {
  if (!links?.length) return null;
  return (
    <ul className="mt-1 space-y-1" aria-label="Link problems">
      {links.map((link) => (
        <li key={link.url} className="text-sm">
          <LinkVerdict link={link} /> {detailed ? <span className="break-all text-slate-700">{link.url}</span> : null}
          {detailed && link.verdict === "moved" && link.suggestedUrl ? <span className="break-all text-slate-700"> → {link.suggestedUrl}</span> : null}
          {detailed && link.verdict !== "moved" && (link.status || link.error) ? (
            <span className="text-slate-600"> ({link.status ? `HTTP ${link.status}` : link.error})</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
