import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

export default async function DashboardPage() {
  const { user } = await requireUser("/admin");
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Welcome, {user.name}</h1>
      <p className="mt-2 text-slate-700">
        You are signed in as {user.role.toLowerCase()}. The editor workspace and the review queue will appear here.
      </p>
    </>
  );
}
