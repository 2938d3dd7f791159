import type { Metadata, Viewport } from "next";
import { unstable_rethrow } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter, type FooterClinicInfo } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getClinicInfo } from "@/lib/clinic/settings";
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

// Shown if the settings cannot be read, so the error and 404 pages (which render inside this
// layout) still appear instead of the whole site collapsing into the framework's bare error page.
const FALLBACK_CLINIC: FooterClinicInfo = {
  name: "Victoria House Clinic",
  addressLines: ["Sutton Coldfield", "Birmingham"],
  phone: "",
  email: "",
};

async function loadClinicInfo(): Promise<FooterClinicInfo> {
  try {
    return await getClinicInfo();
  } catch (error) {
    unstable_rethrow(error);
    console.error("layout: could not load clinic settings for the footer", error);
    return FALLBACK_CLINIC;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Clinic details come from the database, which does not exist at build time: render per request.
  await connection();
  const clinic = await loadClinicInfo();

  return (
    <html lang="en-GB" data-scroll-behavior="smooth">
      <body className="flex min-h-dvh flex-col bg-canvas font-sans text-ink-900">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-brand-900 px-4 py-3 font-semibold text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:px-4 focus:py-3"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="flex-1 outline-none">
          {children}
        </main>
        <SiteFooter clinic={clinic} year={new Date().getFullYear()} />
      </body>
    </html>
  );
}
