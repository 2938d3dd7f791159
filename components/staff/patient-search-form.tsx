/**
 * The patient search box: a plain GET form to `/staff/patients?q=...`, so it works before (or
 * without) JavaScript and the search is in the URL to share or go back to. Server-safe.
 */
import { Button } from "@/components/ui/button";

export function PatientSearchForm({ query }: { query: string }) {
  return (
    <form method="get" action="/staff/patients" role="search" aria-label="Patients" className="flex flex-col gap-2">
      <label htmlFor="patient-search" className="font-semibold text-ink-900">
        Search patients
      </label>
      <p id="patient-search-hint" className="text-sm text-ink-600">
        Name, email, phone number or booking reference.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <input
          id="patient-search"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="patient-search-hint"
          className="block min-h-11 w-full min-w-0 rounded-lg border border-ink-400 bg-white px-3.5 py-2.5 text-base text-ink-900 shadow-xs placeholder:text-ink-500 hover:border-ink-600 focus:border-brand-600 sm:max-w-md"
        />
        <Button type="submit">Search</Button>
      </div>
    </form>
  );
}
