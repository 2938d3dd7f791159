"use client";

/**
 * A short success message after a staff action ("Sent again", "Saved"), floating at the bottom of
 * the screen so it is seen wherever the button was. Failures are NOT toasts: they stay beside the
 * thing that failed until dealt with.
 *
 *   const toast = useToast();
 *   toast.show("Saved");
 *   <Toast toast={toast.toast} dismiss={toast.dismiss} />
 *
 * The live region is always in the page (empty when idle), so screen readers announce each new
 * message. It hides itself after a while, but not while the pointer or focus is on it.
 */
import { useCallback, useEffect, useRef, useState } from "react";

const VISIBLE_MS = 8000;

type ToastState = { id: number; text: string } | null;

export function useToast() {
  const [toast, setToast] = useState<ToastState>(null);
  const counter = useRef(0);
  const show = useCallback((text: string) => {
    counter.current += 1;
    setToast({ id: counter.current, text });
  }, []);
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, show, dismiss };
}

export function Toast({ toast, dismiss }: { toast: ToastState; dismiss: () => void }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex justify-center sm:inset-x-auto sm:right-6 sm:bottom-6"
    >
      {/* Keyed by message, so each one gets a fresh timer and "held" state. */}
      {toast ? <ToastCard key={toast.id} text={toast.text} dismiss={dismiss} /> : null}
    </div>
  );
}

function ToastCard({ text, dismiss }: { text: string; dismiss: () => void }) {
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(dismiss, VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [held, dismiss]);

  return (
    <div
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className="pointer-events-auto flex w-full max-w-md items-center gap-3 rounded-xl bg-ink-900 py-2 pr-2 pl-4 text-white shadow-2xl [--focus-ring:var(--color-focus-on-dark)]"
    >
      <svg className="size-5 shrink-0 text-green-300" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" />
        <path d="m8 12.5 2.7 2.7L16 9.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <p className="min-w-0 flex-1 py-1.5 font-medium">{text}</p>
      <button
        type="button"
        onClick={dismiss}
        className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg text-white hover:bg-white/15"
      >
        <span className="sr-only">Dismiss message</span>
        <svg className="size-5" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6 6 18" />
        </svg>
      </button>
    </div>
  );
}
