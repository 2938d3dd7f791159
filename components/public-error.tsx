"use client";

/**
 * The patient-facing "something went wrong" panel with a retry, shared by app/(public)/error.tsx
 * (inside the patient frame) and app/error.tsx (at the root, which brings a header of its own).
 * The error's message is never shown: it may carry internals, and patients cannot act on it.
 */
import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";

export type NextErrorProps = {
  error: unknown;
  /** Re-fetches the failed segment from the server and re-renders it (Next 16.3+). */
  retry: () => void;
  /** Re-renders without re-fetching; kept in the type because Next still passes it. */
  reset: () => void;
};

export function PublicError({ error, retry }: Pick<NextErrorProps, "error" | "retry">) {
  useEffect(() => {
    // The digest links this report to the server log; the message itself is never shown to patients.
    console.error(error);
  }, [error]);

  return (
    <section aria-labelledby="error-title" className="mx-auto flex w-full max-w-2xl flex-col items-center px-4 py-20 text-center sm:py-28">
      <span aria-hidden="true" className="flex size-14 items-center justify-center rounded-full bg-sand-200 text-brand-800">
        <svg className="size-7" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" focusable="false">
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7.5v5.5M12 16.5h.01" />
        </svg>
      </span>
      <h1 id="error-title" className="mt-5 text-3xl font-bold tracking-tight sm:text-4xl">
        Something went wrong on our side
      </h1>
      <p className="mt-4 text-lg text-ink-700">
        Sorry, this page could not be loaded. Please try again in a moment; if it keeps happening, please call the clinic
        and we will help you.
      </p>
      <div className="mt-8 flex w-full flex-col gap-3 sm:w-auto sm:flex-row">
        {/* retry() re-fetches from the server; reset() alone would re-render the same failed data. */}
        <Button type="button" size="lg" onClick={() => retry()}>
          Try again
        </Button>
        <ButtonLink href="/" variant="secondary" size="lg">
          Go to the home page
        </ButtonLink>
      </div>
    </section>
  );
}
