"use client";

/**
 * ConfirmDialog: a modal "are you sure?" built on the native <dialog> element, so the browser
 * provides the focus trap, the inert background and the top layer.
 *
 *   const [open, setOpen] = useState(false);
 *   <ConfirmDialog
 *     open={open}
 *     title="Cancel this appointment?"
 *     description="Your slot will be offered to other patients."
 *     confirmLabel="Yes, cancel it"
 *     cancelLabel="Keep my appointment"
 *     tone="danger"
 *     busy={pending}
 *     onConfirm={() => startTransition(cancelBooking)}
 *     onCancel={() => setOpen(false)}
 *   >
 *     optional extra content, e.g. a <Field> for a reason
 *   </ConfirmDialog>
 *
 * Props: open, title, description? (ReactNode), confirmLabel? ("Confirm"), cancelLabel? ("Cancel"),
 *   tone? "default" | "danger", busy? (spinner on confirm; both buttons disabled; Escape and the
 *   backdrop do nothing), onConfirm, onCancel, children?.
 * The parent owns `open`: the dialog never closes itself, it asks via onCancel (Cancel button,
 * Escape, tap on the backdrop). On open, focus goes to Cancel for "danger" (the safe choice) and to
 * Confirm otherwise; on close it returns to whatever had focus before.
 */
import { useEffect, useId, useRef, type MouseEvent, type ReactNode, type SyntheticEvent } from "react";
import { Button } from "./button";

type ConfirmDialogProps = {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  tone?: "default" | "danger";
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
};

export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  tone = "default",
  busy = false,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  // A drag that starts inside the panel and ends on the backdrop must not count as a backdrop tap.
  const pressStartedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      (tone === "danger" ? cancelRef : confirmRef).current?.focus();
    } else if (!open) {
      if (dialog.open) dialog.close();
      const previous = returnFocusRef.current;
      returnFocusRef.current = null;
      if (previous?.isConnected) previous.focus();
    }
  }, [open, tone]);

  function handleCancel(event: SyntheticEvent<HTMLDialogElement>) {
    // Escape: keep the element open until the parent flips `open`, so state and DOM never disagree.
    event.preventDefault();
    if (!busy) onCancel();
  }

  function handleClose() {
    // Browsers may force-close on a repeated Escape despite preventDefault; tell the parent.
    if (open) onCancel();
  }

  function handlePointerDown(event: MouseEvent<HTMLDialogElement>) {
    pressStartedOnBackdrop.current = event.target === dialogRef.current;
  }

  function handleClick(event: MouseEvent<HTMLDialogElement>) {
    if (event.target === dialogRef.current && pressStartedOnBackdrop.current && !busy) onCancel();
    pressStartedOnBackdrop.current = false;
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={handleCancel}
      onClose={handleClose}
      onMouseDown={handlePointerDown}
      onClick={handleClick}
      className="m-auto w-[calc(100%-2rem)] max-h-[calc(100dvh-2rem)] max-w-md overflow-y-auto rounded-2xl bg-white p-0 text-ink-900 shadow-2xl backdrop:bg-ink-900/55"
    >
      {/* The padding lives on this inner box so a click on the dialog element itself means the backdrop. */}
      <div className="p-6">
        <h2 id={titleId} className="text-xl font-bold">
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="mt-2 text-ink-700">
            {description}
          </div>
        ) : null}
        {children ? <div className="mt-4">{children}</div> : null}
        <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button ref={cancelRef} type="button" variant="secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </Button>
          <Button
            ref={confirmRef}
            type="button"
            variant={tone === "danger" ? "danger" : "primary"}
            onClick={onConfirm}
            loading={busy}
          >
            {confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
