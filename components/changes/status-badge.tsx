import type { ChangeSetStatus } from "@/lib/generated/prisma/enums";

export const statusLabels: Record<ChangeSetStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Waiting for review",
  APPROVED: "Approved",
  PARTLY_APPROVED: "Partly approved",
  REJECTED: "Rejected",
  CHANGES_REQUESTED: "Changes requested",
  WITHDRAWN: "Withdrawn",
};

const colours: Record<ChangeSetStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-900",
  SUBMITTED: "bg-amber-100 text-amber-900",
  APPROVED: "bg-green-100 text-green-900",
  PARTLY_APPROVED: "bg-green-100 text-green-900",
  REJECTED: "bg-red-100 text-red-900",
  CHANGES_REQUESTED: "bg-amber-100 text-amber-900",
  WITHDRAWN: "bg-slate-100 text-slate-900",
};

export function StatusBadge({ status }: { status: ChangeSetStatus }) {
  return <span className={`rounded px-2 py-0.5 text-sm ${colours[status]}`}>{statusLabels[status]}</span>;
}
