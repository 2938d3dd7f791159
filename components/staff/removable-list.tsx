"use client";

/**
 * A schedule list whose entries each have a Remove button behind a "Remove this …?" dialog, shared by
 * the date overrides and the time off so both look and behave the same. The parent does the request
 * in `onRemove`; the dialog stays open (busy) until that settles, then closes.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";

type RemovableListProps<T extends { id: string }> = {
  /** Already in display order. */
  items: T[];
  /** The list's accessible name. */
  label: string;
  emptyText: string;
  /** Bold first part of an entry. */
  title: (item: T) => string;
  /** Shown after the title as ": detail" when present. */
  detail: (item: T) => string | null | undefined;
  /** Screen-reader text after "Remove", e.g. "the override for Tue 3 March 2026". */
  removeLabel: (item: T) => string;
  confirmTitle: string;
  confirmDescription: (item: T) => string;
  onRemove: (item: T) => Promise<void>;
};

export function RemovableList<T extends { id: string }>({
  items,
  label,
  emptyText,
  title,
  detail,
  removeLabel,
  confirmTitle,
  confirmDescription,
  onRemove,
}: RemovableListProps<T>) {
  const [removing, setRemoving] = useState<T | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);

  async function remove() {
    if (!removing) return;
    setRemoveBusy(true);
    await onRemove(removing);
    setRemoveBusy(false);
    setRemoving(null);
  }

  return (
    <>
      {items.length === 0 ? (
        <p className="mt-4 text-ink-600">{emptyText}</p>
      ) : (
        <ul className="mt-4 flex flex-col" aria-label={label}>
          {items.map((item) => {
            const itemDetail = detail(item);
            return (
              <li key={item.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-t border-sand-200 py-2 first:border-t-0">
                <p>
                  <span className="font-semibold">{title(item)}</span>
                  {itemDetail ? <span className="text-ink-700">: {itemDetail}</span> : null}
                </p>
                <Button type="button" variant="ghost" className="text-red-800! hover:bg-red-50!" onClick={() => setRemoving(item)}>
                  Remove<span className="sr-only"> {removeLabel(item)}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}

      <ConfirmDialog
        open={removing !== null}
        title={confirmTitle}
        description={removing ? confirmDescription(removing) : undefined}
        confirmLabel="Yes, remove it"
        cancelLabel="Keep it"
        tone="danger"
        busy={removeBusy}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
