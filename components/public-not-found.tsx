/**
 * The patient-facing "we can't find that page" panel. Two pages show it: app/(public)/not-found.tsx
 * for notFound() from a patient page (rendered inside the (public) layout, so it has the frame
 * already) and app/not-found.tsx for unknown addresses (rendered at the root, so it adds the frame).
 * Server-safe.
 */
import { ButtonLink } from "@/components/ui/button";

export function PublicNotFound() {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto flex w-full max-w-2xl flex-col items-center px-4 py-20 text-center sm:py-28">
      <p className="text-sm font-semibold tracking-[0.12em] text-brand-700 uppercase">Error 404</p>
      <h1 id="not-found-title" className="mt-3 text-4xl font-bold tracking-tight sm:text-5xl">
        We can&rsquo;t find that page
      </h1>
      <p className="mt-4 text-lg text-ink-700">
        The link may be out of date, or the address may have been typed slightly wrong. If you followed a link from one of
        our emails, please check you copied all of it.
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
  );
}
