import type { Role } from "../../lib/generated/prisma/enums";

// Demo accounts for the embedded database (and `npm run db:seed -- --demo`). Never use them on a public server.
export const demoUsers: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@prova.test", name: "Ada Admin", role: "ADMIN", password: "prova-demo-admin" },
  { email: "editor@prova.test", name: "Eddie Editor", role: "EDITOR", password: "prova-demo-editor" },
  { email: "reviewer@prova.test", name: "Rita Reviewer", role: "REVIEWER", password: "prova-demo-reviewer" },
];
