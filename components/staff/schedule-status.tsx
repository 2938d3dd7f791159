"use client";

/**
 * The focused message the date overrides and time off panels show after each change, including the
 * "outside working hours" warning after a save, shared so both word and announce it the same way.
 */
import { useRouter } from "next/navigation";
import type { ScheduleDto } from "@/lib/schedule";
import { Alert } from "@/components/ui/alert";
import { useFocusedNotice } from "@/components/ui/use-focused-notice";

type Status = { tone: "success" | "warning" | "error"; title: string; text?: string };

export function useScheduleStatus() {
  const router = useRouter();
  const { notice: status, ref: statusRef, announce: showStatus, clear: clearStatus } = useFocusedNotice<Status>();

  /** After a change (the API answers with the whole schedule): confirm it and re-read the page's warning list. */
  function showSaved(schedule: ScheduleDto, title: string) {
    const outside = schedule.outsideHours.length;
    showStatus(
      outside > 0
        ? { tone: "warning", title, text: `${outside === 1 ? "1 booking is" : `${outside} bookings are`} outside working hours: see the list at the top of the page.` }
        : { tone: "success", title },
    );
    router.refresh();
  }

  const statusBox = status ? (
    <div ref={statusRef} tabIndex={-1} className="mt-4 rounded-xl">
      <Alert tone={status.tone} title={status.title}>
        {status.text}
      </Alert>
    </div>
  ) : null;

  return { statusBox, showStatus, showSaved, clearStatus };
}
