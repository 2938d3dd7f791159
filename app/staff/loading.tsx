import { Spinner } from "@/components/ui/spinner";

/** Shown while a staff page loads (they all read the database per request): the rough page shape. */
export default function StaffLoading() {
  return (
    <div>
      <div className="flex items-center gap-3 text-brand-700">
        <Spinner size="md" label="Loading, please wait" />
        <span aria-hidden="true" className="font-medium text-ink-600">
          Loading…
        </span>
      </div>
      <div aria-hidden="true" className="mt-6 animate-pulse space-y-4 motion-reduce:animate-none">
        <div className="h-9 w-64 max-w-full rounded-lg bg-sand-200" />
        <div className="h-5 w-96 max-w-full rounded bg-sand-200" />
        <div className="flex flex-wrap gap-3 pt-2">
          <div className="h-11 w-56 rounded-xl bg-sand-200" />
          <div className="h-11 w-32 rounded-xl bg-sand-200" />
        </div>
        <div className="h-96 rounded-xl bg-white ring-1 ring-sand-200" />
      </div>
    </div>
  );
}
