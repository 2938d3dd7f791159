import { PageLoading } from "@/components/ui/page-loading";

/**
 * Shown while the booking page loads its calendar: a calm placeholder with the page's rough shape.
 * Only here, not around every patient page: under a loading boundary a page that is not found
 * (a wrong manage link) would already have sent "200 OK" before it knew.
 */
export default function Loading() {
  return (
    <PageLoading className="mx-auto w-full max-w-6xl px-4 py-12 sm:px-6 sm:py-16" skeletonClassName="mt-8">
      <div className="h-10 w-3/4 max-w-xl rounded-lg bg-sand-200" />
      <div className="h-5 w-full max-w-2xl rounded bg-sand-200" />
      <div className="h-5 w-5/6 max-w-2xl rounded bg-sand-200" />
      <div className="grid gap-4 pt-6 sm:grid-cols-2">
        <div className="h-40 rounded-(--radius-card) bg-sand-100 ring-1 ring-sand-200" />
        <div className="h-40 rounded-(--radius-card) bg-sand-100 ring-1 ring-sand-200" />
      </div>
    </PageLoading>
  );
}
