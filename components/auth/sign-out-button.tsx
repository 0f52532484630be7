"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ label = "Sign out", pending: pendingLabel = "Signing out…" }: { label?: string; pending?: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="link" disabled={pending} onClick={() => startTransition(() => signOut({ callbackUrl: "/login" }))}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
