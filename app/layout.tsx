import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { FAVICON_SVG } from "@/components/favicon";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    template: "%s · Victoria House Clinic",
    default: "SMP laser removal in Sutton Coldfield · Victoria House Clinic",
  },
  description:
    "Scalp micropigmentation (SMP) removal with the Candela PicoWay picosecond laser at Victoria House Clinic, Sutton Coldfield, Birmingham. Book a free consultation online.",
  applicationName: "Victoria House Clinic",
  formatDetection: { telephone: false },
  // Inlined, so that no page waits on a request for its icon (and /favicon.ico answers too).
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
