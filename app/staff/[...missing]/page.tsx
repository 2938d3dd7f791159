import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/guards";

/**
 * A mistyped or outdated /staff/... address: answer with the staff 404 inside the staff frame,
 * not the patient 404 with its "Book a free consultation" button. Signed-out visitors are sent to
 * sign in first, as on every staff page, so the page reveals nothing about which addresses exist.
 */
export default async function UnknownStaffPage() {
  await requireStaffPage();
  notFound();
}
