import { Spinner } from "@/components/ui/spinner";

/** Shown while a patient page streams in: a calm placeholder with the page's rough shape. */
export default function Loading() {
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <div className="flex items-center gap-3 text-brand-700">
        <Spinner size="md" label="Loading, please wait" />
        <span aria-hidden="true" className="font-medium text-ink-600">
          Loading…
        </span>
      </div>
      <div aria-hidden="true" className="mt-8 animate-pulse space-y-4 motion-reduce:animate-none">
        <div className="h-10 w-3/4 max-w-xl rounded-lg bg-sand-200" />
        <div className="h-5 w-full max-w-2xl rounded bg-sand-200" />
        <div className="h-5 w-5/6 max-w-2xl rounded bg-sand-200" />
        <div className="grid gap-4 pt-6 sm:grid-cols-2">
          <div className="h-40 rounded-(--radius-card) bg-sand-100 ring-1 ring-sand-200" />
          <div className="h-40 rounded-(--radius-card) bg-sand-100 ring-1 ring-sand-200" />
        </div>
      </div>
    </div>
  );
}
