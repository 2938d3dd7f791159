import type { ReactNode } from "react";
import { PublicShell } from "@/components/public-shell";

/** The patient pages: site header, main and footer (the staff area has its own frame). */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
