import type { Metadata } from "next";
import { requireRolePage } from "@/lib/auth/guards";
import { searchBookings } from "@/lib/bookings/staff";
import { Alert } from "@/components/ui/alert";
import { PatientSearchForm } from "@/components/staff/patient-search-form";
import { PatientSearchResults } from "@/components/staff/patient-search-results";

export const metadata: Metadata = {
  title: "Patients",
  robots: { index: false, follow: false },
};

/** searchBookings returns at most this many, newest first. */
const RESULT_LIMIT = 50;
const MIN_QUERY = 2;

export default async function PatientsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const staff = await requireRolePage("receptionist", "admin");
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "")).trim().slice(0, 100);
  const tooShort = query.length > 0 && query.length < MIN_QUERY;
  const results = query.length >= MIN_QUERY ? await searchBookings(staff, query) : null;

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
        {tooShort ? (
          <Alert tone="info" role="status">
            Please type at least {MIN_QUERY} characters.
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
