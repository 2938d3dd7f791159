import { PageLoading } from "@/components/ui/page-loading";

/**
 * Shown while the diary or the requests list loads: the rough page shape. Only those two have a
 * loading.tsx. Under a loading boundary the response has already begun with "200 OK" when the page
 * runs, so pages that may answer 404 (a booking that is not yours, a section your role cannot open,
 * an unknown address) must stay outside one.
 */
export function StaffPageLoading() {
  return (
    <PageLoading skeletonClassName="mt-6">
      <div className="h-9 w-64 max-w-full rounded-lg bg-sand-200" />
      <div className="h-5 w-96 max-w-full rounded bg-sand-200" />
      <div className="flex flex-wrap gap-3 pt-2">
        <div className="h-11 w-56 rounded-xl bg-sand-200" />
        <div className="h-11 w-32 rounded-xl bg-sand-200" />
      </div>
      <div className="h-96 rounded-xl bg-white ring-1 ring-sand-200" />
    </PageLoading>
  );
}
