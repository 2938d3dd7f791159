import type { Metadata, Viewport } from "next";
import { unstable_rethrow } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter, type FooterClinicInfo } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getClinicInfo } from "@/lib/clinic/settings";
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
          className="sr-only z-50 rounded-lg bg-brand-900 px-4 py-3 font-semibold text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
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
