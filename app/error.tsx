"use client";

import { SiteHeader } from "@/components/site-header";
import { PublicError, type NextErrorProps } from "@/components/public-error";

/**
 * The last-resort boundary at the root: it replaces whatever layout failed (the patient frame or
 * the staff frame), so it brings the site header and its own <main> for the skip link. No footer:
 * that needs the clinic details from the database, which may be what just failed.
 */
export default function ErrorPage({ error, retry }: NextErrorProps) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        <PublicError error={error} retry={retry} />
      </main>
    </>
  );
}
