"use client";

import { PublicError, type NextErrorProps } from "@/components/public-error";

/** A patient page failed: the header and footer of the (public) layout stay around this panel. */
export default function PublicErrorPage({ error, retry }: NextErrorProps) {
  return <PublicError error={error} retry={retry} />;
}
