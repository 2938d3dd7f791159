import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Not found" };

/**
 * notFound() inside the staff area (a booking that does not exist or is not theirs, a section their
 * role cannot open): answered inside the staff frame, not with the patient 404 and its booking button.
 * Deliberately the same words for "missing" and "not yours", so the page reveals nothing.
 */
export default function StaffNotFound() {
  return (
    <Card as="section" aria-labelledby="staff-not-found-title" padding="lg" className="mx-auto w-full max-w-2xl">
      <p className="text-sm font-semibold tracking-[0.12em] text-brand-700 uppercase">Not found</p>
      <h1 id="staff-not-found-title" className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">
        This page does not exist, or your account cannot open it
      </h1>
      <p className="mt-3 text-lg text-ink-700">
        The booking may have been removed, or the link is out of date. If you need this page, ask the clinic admin.
      </p>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row">
        <ButtonLink href="/staff">Go to Today</ButtonLink>
        <ButtonLink href="/staff/diary" variant="secondary">
          Open the diary
        </ButtonLink>
      </div>
    </Card>
  );
}
