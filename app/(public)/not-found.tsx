import type { Metadata } from "next";
import { PublicNotFound } from "@/components/public-not-found";

export const metadata: Metadata = {
  title: "Page not found",
};

/**
 * notFound() from a patient page (an unknown booking link): shown inside the (public) layout, which
 * already has the header, <main> and footer. Without this file Next would render the root
 * not-found here, and its own frame would double them.
 */
export default function PublicNotFoundPage() {
  return <PublicNotFound />;
}
