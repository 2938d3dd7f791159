import type { ReactNode } from "react";
import { Spinner } from "./spinner";

/**
 * The frame of every loading.tsx (patient and staff), so each area announces loading the same way:
 * an announced spinner line, then the page's rough shape (children) pulsing, hidden from screen readers.
 */
export function PageLoading({
  className,
  skeletonClassName,
  children,
}: {
  className?: string;
  /** Spacing above the skeleton, e.g. "mt-8". */
  skeletonClassName: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <div className="flex items-center gap-3 text-brand-700">
        <Spinner size="md" label="Loading, please wait" />
        <span aria-hidden="true" className="font-medium text-ink-600">
          Loading…
        </span>
      </div>
      <div aria-hidden="true" className={`${skeletonClassName} animate-pulse space-y-4 motion-reduce:animate-none`}>
        {children}
      </div>
    </div>
  );
}
