import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

// The logo mark inlined as the favicon, so browsers don't request a missing /favicon.ico (a 404 in
// the console on every first visit).
const FAVICON_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 36 36'><rect width='36' height='36' rx='10' fill='#18524e'/>" +
  "<path d='M11 27V17a7 7 0 0 1 14 0v10M8 27h20' fill='none' stroke='white' stroke-width='2.4' stroke-linecap='round'/></svg>";

export const metadata: Metadata = {
  title: {
    template: "%s · Victoria House Clinic",
    default: "SMP laser removal in Sutton Coldfield · Victoria House Clinic",
  },
  description:
    "Scalp micropigmentation (SMP) removal with the Candela PicoWay picosecond laser at Victoria House Clinic, Sutton Coldfield, Birmingham. Book a free consultation online.",
  applicationName: "Victoria House Clinic",
  formatDetection: { telephone: false },
  icons: { icon: [{ url: `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`, type: "image/svg+xml" }] },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#faf7f2",
};

/**
 * Only the document, the skip link and the global styles. The frames live one level down: the
 * patient pages get the site header and footer from app/(public)/layout.tsx, the staff area its own
 * compact header from app/staff/layout.tsx, and each frame renders the one <main id="main"> that
 * the skip link targets.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page reads the database (clinic details, sessions), which does not exist at build time:
  // render everything per request rather than let the build try to prerender any of it.
  await connection();

  return (
    <html lang="en-GB" data-scroll-behavior="smooth">
      <body className="flex min-h-dvh flex-col bg-canvas font-sans text-ink-900">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-brand-900 px-4 py-3 font-semibold text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:px-4 focus:py-3"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
