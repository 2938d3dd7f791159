"use client";

/** Signs the staff member out; next-auth then does a full page load of the login page. */
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ className = "" }: { className?: string }) {
  const [busy, setBusy] = useState(false);

  async function handleClick() {
    setBusy(true);
    try {
      await signOut({ callbackUrl: "/staff/login" });
    } catch {
      // If the request failed the session is still live: let them try again.
      setBusy(false);
    }
  }

  return (
    <Button type="button" variant="secondary" loading={busy} onClick={handleClick} className={className}>
      Sign out
    </Button>
  );
}
