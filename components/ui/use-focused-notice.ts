"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A message shown after an action that takes focus each time it is announced, so a screen reader
 * reads it and a keyboard user carries on from there (also when the control they used has just
 * disappeared). Put `ref` on a wrapper with tabIndex={-1} around the message.
 */
export function useFocusedNotice<T>() {
  const [notice, setNotice] = useState<T | null>(null);
  const [announcements, setAnnouncements] = useState(0);
  const ref = useRef<HTMLDivElement>(null);

  // After the commit that shows the message, so the element exists and any removed control is gone.
  useEffect(() => {
    if (announcements > 0) ref.current?.focus();
  }, [announcements]);

  return {
    notice,
    ref,
    announce(next: T) {
      setNotice(next);
      setAnnouncements((count) => count + 1);
    },
    clear: () => setNotice(null),
  };
}
