import "server-only";
import { notFound } from "next/navigation";
import { PATH_SEGMENT } from "@/lib/validation/primitives";

/**
 * The route frame's rules for pages: a dynamic segment that is not a plain path segment cannot
 * name a record, so the page does not exist (404) and the database is never asked.
 */
export function requirePathSegment(value: string): string {
  if (!PATH_SEGMENT.test(value)) notFound();
  return value;
}

/** The first value of a search parameter (`?q=a&q=b` gives "a"). */
export function firstSearchParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Text from the URL as it may be shown back in a form: without control characters. */
export function printable(value: string): string {
  return value.replace(/[\u0000-\u001F\u007F-\u009F]/g, "");
}
