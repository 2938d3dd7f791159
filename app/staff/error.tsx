"use client";

/**
 * A staff page failed to load or render. It shows inside the staff frame, so the sections stay
 * reachable. The error's message is never shown: it may carry internals (queries, ids) and staff
 * cannot act on it; the digest in the console links to the server log for whoever investigates.
 */
import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type StaffErrorProps = {
  error: unknown;
  /** Re-fetches the failed segment from the server and re-renders it (Next 16.3+). */
  retry: () => void;
  /** Re-renders without re-fetching; kept in the type because Next still passes it. */
  reset: () => void;
};

export default function StaffError({ error, retry }: StaffErrorProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <Card as="section" aria-labelledby="staff-error-title" padding="lg" className="mx-auto w-full max-w-2xl">
      <h1 id="staff-error-title" className="text-2xl font-bold tracking-tight sm:text-3xl">
        Something went wrong
      </h1>
      <p className="mt-3 text-lg text-ink-700">
        Your last change may not have been saved. Try again, or reload the page.
      </p>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row">
        {/* retry() re-fetches from the server; reset() alone would re-render the same failed data. */}
        <Button type="button" onClick={() => retry()}>
          Try again
        </Button>
        <ButtonLink href="/staff" variant="secondary">
          Go to Today
        </ButtonLink>
      </div>
    </Card>
  );
}
