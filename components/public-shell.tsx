/**
 * The patient-facing frame: site header, the page's <main> (the skip link's target) and the footer.
 * Used by the (public) route group's layout and by the root not-found page, which renders outside
 * that group (unknown URLs and notFound() calls bubble up to the root) but must look the same.
 * The staff area has its own compact header instead, without the "Book a free consultation" button.
 */
import { unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import { SiteFooter, type FooterClinicInfo } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getClinicInfo } from "@/lib/clinic/settings";

// Shown if the settings cannot be read, so the 404 page and the patient pages still appear
// instead of the whole site collapsing into the framework's bare error page.
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
    console.error("public shell: could not load clinic settings for the footer", error);
    return FALLBACK_CLINIC;
  }
}

export async function PublicShell({ children }: { children: ReactNode }) {
  const clinic = await loadClinicInfo();
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        {children}
      </main>
      <SiteFooter clinic={clinic} year={new Date().getFullYear()} />
    </>
  );
}
