export const roleOptions = [
  { value: "EDITOR", label: "Editor: drafts and submits changes" },
  { value: "REVIEWER", label: "Reviewer: decides on changes" },
  { value: "ADMIN", label: "Admin: everything, and manages users" },
] as const;
