/**
 * Alert: a coloured message box with an icon.
 *
 *   <Alert tone="success" title="Booking request sent">We'll email you when it is confirmed.</Alert>
 *   <Alert tone="error" title="That time has just been taken">Please choose another time.</Alert>
 *
 * tone: "info" (default) | "success" | "warning" | "error"
 * title?: bold first line. children: the message.
 * role: errors default to role="alert" (announced at once), the others to role="status" (announced
 *   politely). Pass role="note" for static text that is part of the page and must not be announced.
 * Other <div> attributes pass through; className is appended. Colours never carry meaning alone:
 *   each tone has its own icon and visually hidden prefix ("Error:", "Warning:" ...).
 *
 * Server-safe (no hooks).
 */
import type { HTMLAttributes, ReactNode } from "react";

export type AlertTone = "info" | "success" | "warning" | "error";

type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  tone?: AlertTone;
  title?: ReactNode;
};

const styles: Record<AlertTone, { box: string; icon: string; prefix: string }> = {
  info: { box: "bg-brand-50 border-brand-200 text-brand-950", icon: "text-brand-700", prefix: "Information: " },
  success: { box: "bg-green-50 border-green-300 text-green-950", icon: "text-green-700", prefix: "Success: " },
  warning: { box: "bg-amber-50 border-amber-300 text-amber-950", icon: "text-amber-700", prefix: "Warning: " },
  error: { box: "bg-red-50 border-red-300 text-red-950", icon: "text-red-700", prefix: "Error: " },
};

function AlertIcon({ tone, className }: { tone: AlertTone; className: string }) {
  const common = { className, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 2, "aria-hidden": true, focusable: false } as const;
  switch (tone) {
    case "success":
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="m8 12.5 2.7 2.7L16 9.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    case "warning":
      return (
        <svg {...common}>
          <path d="M10.3 4.2 2.9 17a2 2 0 0 0 1.7 3h14.8a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0Z" strokeLinejoin="round" />
          <path d="M12 9.5v4M12 17h.01" strokeLinecap="round" />
        </svg>
      );
    case "error":
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7.5v5.5M12 16.5h.01" strokeLinecap="round" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 11v5.5M12 7.5h.01" strokeLinecap="round" />
        </svg>
      );
  }
}

export function Alert({ tone = "info", title, className = "", children, role, ...rest }: AlertProps) {
  const style = styles[tone];
  return (
    <div
      {...rest}
      role={role ?? (tone === "error" ? "alert" : "status")}
      className={`flex gap-3 rounded-xl border p-4 ${style.box} ${className}`}
    >
      <AlertIcon tone={tone} className={`mt-0.5 size-5 shrink-0 ${style.icon}`} />
      <div className="min-w-0 flex-1">
        {title ? (
          <p className="font-semibold">
            <span className="sr-only">{style.prefix}</span>
            {title}
          </p>
        ) : (
          <span className="sr-only">{style.prefix}</span>
        )}
        {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
      </div>
    </div>
  );
}
