import type { Metadata } from "next";
import { PublicNotFound } from "@/components/public-not-found";
import { PublicShell } from "@/components/public-shell";

export const metadata: Metadata = {
  title: "Page not found",
};

/**
 * Unknown addresses render this at the root, outside every layout but the root one, so it brings
 * the patient frame itself. notFound() from a patient page uses app/(public)/not-found.tsx instead
 * (inside the frame already), and the staff area has app/staff/not-found.tsx.
 */
export default function NotFound() {
  return (
    <PublicShell>
      <PublicNotFound />
    </PublicShell>
  );
}
