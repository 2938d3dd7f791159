import type { Metadata } from "next";
import { PublicShell } from "@/components/public-shell";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "Page not found",
};

/**
 * Unknown addresses and notFound() calls from the patient pages land here, at the root, outside the
 * (public) layout: so this page brings the patient frame itself. The staff area has its own
 * app/staff/not-found.tsx inside the staff frame.
 */
export default function NotFound() {
  return (
    <PublicShell>
      <section aria-labelledby="not-found-title" className="mx-auto flex w-full max-w-2xl flex-col items-center px-4 py-20 text-center sm:py-28">
        <p className="text-sm font-semibold tracking-[0.12em] text-brand-700 uppercase">Error 404</p>
        <h1 id="not-found-title" className="mt-3 text-4xl font-bold tracking-tight sm:text-5xl">
          We can&rsquo;t find that page
        </h1>
        <p className="mt-4 text-lg text-ink-700">
          The link may be out of date, or the address may have been typed slightly wrong. If you followed a link from
          one of our emails, please check you copied all of it.
        </p>
        <div className="mt-8 flex w-full flex-col gap-3 sm:w-auto sm:flex-row">
          <ButtonLink href="/book" size="lg">
            Book a free consultation
          </ButtonLink>
          <ButtonLink href="/" variant="secondary" size="lg">
            Go to the home page
          </ButtonLink>
        </div>
      </section>
    </PublicShell>
  );
}
