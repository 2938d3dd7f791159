import type { Metadata } from "next";
import { requireRolePage } from "@/lib/auth/guards";
import { searchBookings } from "@/lib/bookings/staff";
import { firstSearchParam, printable } from "@/lib/http/page-input";
import { toFieldErrors } from "@/lib/validation/primitives";
import { patientSearchSchema } from "@/lib/validation/staff";
import { Alert } from "@/components/ui/alert";
import { PatientSearchForm } from "@/components/staff/patient-search-form";
import { PatientSearchResults } from "@/components/staff/patient-search-results";

export const metadata: Metadata = {
  title: "Patients",
  robots: { index: false, follow: false },
};

/** searchBookings returns at most this many, newest first. */
const RESULT_LIMIT = 50;

export default async function PatientsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const staff = await requireRolePage("receptionist", "admin");
  const raw = firstSearchParam((await searchParams).q) ?? "";
  // The API's own rules (lib/validation/staff): a search it would refuse is explained, not run.
  const parsed = raw.trim() === "" ? null : patientSearchSchema.safeParse({ q: raw });
  const problem = parsed && !parsed.success ? (toFieldErrors(parsed.error).q ?? "Please check the search.") : null;
  const query = parsed?.success ? parsed.data.q : printable(raw).trim().slice(0, 100);
  const results = parsed?.success ? await searchBookings(staff, parsed.data.q) : null;

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Patients</h1>
        <p className="mt-2 text-ink-700">Find a patient&rsquo;s bookings to change, cancel or check them.</p>
      </header>

      <PatientSearchForm query={query} />

      <section aria-labelledby="results-heading" className="flex flex-col gap-4">
        <h2 id="results-heading" className={results && results.length > 0 ? "text-lg font-bold" : "sr-only"}>
          {results ? `${results.length === 1 ? "1 booking" : `${results.length} bookings`} for “${query}”` : "Results"}
        </h2>
        {problem ? (
          <Alert tone="info" role="status">
            {problem}
          </Alert>
        ) : results === null ? (
          <p className="text-ink-600">Search above to see a patient&rsquo;s bookings.</p>
        ) : results.length === 0 ? (
          <Alert tone="info" role="status" title={`No bookings match “${query}”`}>
            Check the spelling, try part of the name, the email address or the phone number, or the reference from the
            patient&rsquo;s email.
          </Alert>
        ) : (
          <>
            {results.length >= RESULT_LIMIT ? (
              <Alert tone="warning" role="note">
                Showing the {RESULT_LIMIT} newest matches only. Type more of the name, or search by email, phone or reference.
              </Alert>
            ) : null}
            <PatientSearchResults results={results} />
          </>
        )}
      </section>
    </div>
  );
}
