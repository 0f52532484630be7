import type { ImportStatus } from "@/lib/generated/prisma/enums";

export const importStatusLabels: Record<ImportStatus, string> = {
  CHECKING: "Being checked",
  CHECKED: "Checked: not sent yet",
  SENDING: "Being sent to review",
  IN_REVIEW: "Waiting for review",
  DECIDING: "Being decided",
  DONE: "Decided",
  FAILED: "Could not be read",
};
