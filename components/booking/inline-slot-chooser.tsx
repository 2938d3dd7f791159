"use client";

/**
 * The SlotChooser as the reschedule panels and the phone-booking form embed it (h3 headings), wired
 * the same way in all three: each pick clears the notice, a chosen day moves focus to its times, and
 * a chosen time scrolls `nextRef` (what to do next) into view.
 */
import type { ReactNode, RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import { SlotChooser } from "./slot-chooser";
import type { SlotPicker } from "./use-slot-picker";

export type TimesNotice = { tone: "warning" | "error"; text: string };

export function InlineSlotChooser({
  picker,
  idPrefix,
  dayTitle,
  timeTitle,
  timesHeadingRef,
  nextRef,
  lengthNote,
  emptyMessage,
  notice,
  onClearNotice,
}: {
  picker: SlotPicker;
  idPrefix: string;
  dayTitle: ReactNode;
  timeTitle: ReactNode;
  timesHeadingRef: RefObject<HTMLHeadingElement | null>;
  nextRef: RefObject<HTMLElement | null>;
  lengthNote?: ReactNode;
  emptyMessage: string;
  /** Shown just above the times, e.g. "That time was just taken". */
  notice: TimesNotice | null;
  onClearNotice: () => void;
}) {
  return (
    <SlotChooser
      picker={picker}
      headingLevel="h3"
      idPrefix={idPrefix}
      dayTitle={dayTitle}
      timeTitle={timeTitle}
      timesHeadingRef={timesHeadingRef}
      lengthNote={lengthNote}
      onDayChosen={() => {
        onClearNotice();
        requestAnimationFrame(() => timesHeadingRef.current?.focus());
      }}
      onTimeChosen={() => {
        onClearNotice();
        requestAnimationFrame(() => nextRef.current?.scrollIntoView({ block: "nearest" }));
      }}
      emptyMessage={emptyMessage}
      timesNotice={
        notice ? (
          <Alert tone={notice.tone} role="alert" className="mb-3">
            {notice.text}
          </Alert>
        ) : null
      }
    />
  );
}
