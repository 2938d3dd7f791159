"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { formatLondonLongDate, formatLondonTime, londonDateOf, londonZoneLabel } from "@/lib/time/london";
import { buttonClasses } from "@/components/ui/button";

export type BookingReceivedProps = {
  reference: string;
  start: string;
  practitionerName: string;
  email: string;
  manageUrl: string;
};

/** The confirmation panel that replaces the booking flow; focus moves to its heading. */
export function BookingReceived({ reference, start, practitionerName, email, manageUrl }: BookingReceivedProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const instant = Date.parse(start);

  return (
    <section
      aria-labelledby="booking-received-heading"
      className="mx-auto max-w-2xl rounded-card border border-brand-200 bg-white p-5 shadow-card sm:p-8"
    >
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-700 text-white">
          <svg viewBox="0 0 20 20" className="size-6" fill="none" stroke="currentColor" strokeWidth={2.5}>
            <path d="M4.5 10.5l3.5 3.5 7.5-8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
        <h2 id="booking-received-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-bold sm:text-3xl">
          Request received
        </h2>
      </div>

      <div className="mt-6 rounded-xl bg-brand-50 p-4 text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-800">Your booking reference</p>
        <p className="mt-1 font-mono text-3xl font-bold tracking-widest text-ink-900 sm:text-4xl" data-testid="booking-reference">
          {reference}
        </p>
      </div>

      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-semibold text-ink-700">What</dt>
        <dd>Free consultation (30 minutes)</dd>
        <dt className="font-semibold text-ink-700">With</dt>
        <dd>{practitionerName}</dd>
        <dt className="font-semibold text-ink-700">When</dt>
        <dd>
          {formatLondonLongDate(londonDateOf(instant))} at {formatLondonTime(instant)}{" "}
          <span className="text-ink-600">UK time ({londonZoneLabel(instant)})</span>
        </dd>
        <dt className="font-semibold text-ink-700">Where</dt>
        <dd>Victoria House Clinic, Sutton Coldfield</dd>
      </dl>

      <p className="mt-6 text-ink-700">
        The clinic will confirm your booking by email. We have sent an acknowledgement to{" "}
        <strong className="break-all text-ink-900">{email}</strong> with a private link to view, change or cancel it.
      </p>

      <div className="mt-6 flex flex-col items-start gap-4">
        <a href={manageUrl} className={buttonClasses({ variant: "primary", size: "lg", fullWidth: true }) + " sm:w-auto"}>
          View or change your booking
        </a>
        <Link href="/" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline hover:text-brand-900">
          Back to the home page
        </Link>
      </div>
    </section>
  );
}
