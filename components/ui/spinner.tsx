/**
 * Spinner: a small rotating ring that inherits the current text colour.
 *
 *   <Spinner />                         decorative (aria-hidden), e.g. inside a busy <Button>
 *   <Spinner label="Loading times" />   announced: role="status" with visually hidden text
 *   size: "sm" (1em, default) | "md" (1.5rem) | "lg" (2.5rem); className is appended.
 *
 * Server-safe (no hooks).
 */
type SpinnerProps = {
  label?: string;
  size?: "sm" | "md" | "lg";
  className?: string;
};

const sizes: Record<NonNullable<SpinnerProps["size"]>, string> = {
  sm: "size-[1em]",
  md: "size-6",
  lg: "size-10",
};

export function Spinner({ label, size = "sm", className = "" }: SpinnerProps) {
  const ring = (
    <svg
      className={`${sizes[size]} shrink-0 animate-spin motion-reduce:animate-[spin_1.6s_linear_infinite] ${className}`}
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="9.5" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21.5 12A9.5 9.5 0 0 0 12 2.5" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );

  if (!label) return ring;

  return (
    <span role="status" className="inline-flex items-center gap-2">
      {ring}
      <span className="sr-only">{label}</span>
    </span>
  );
}
