"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="link" disabled={pending} onClick={() => startTransition(() => signOut({ callbackUrl: "/login" }))}>
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
