/**
 * Site footer: where the clinic is and how to reach it. The root layout fetches the clinic details
 * (they live in the database so the admin can change them) and passes them in, which keeps this
 * component free of data access.
 */
import Link from "next/link";

export type FooterClinicInfo = {
  name: string;
  addressLines: string[];
  phone: string;
  email: string;
};

/** "0121 123 4567" -> "tel:01211234567"; keeps a leading + for international numbers. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

const linkClass = "font-medium text-white underline decoration-brand-300/60 underline-offset-4 hover:decoration-white";

export function SiteFooter({ clinic, year }: { clinic: FooterClinicInfo; year: number }) {
  return (
    <footer className="mt-auto bg-brand-950 text-brand-100 [--focus-ring:var(--color-focus-on-dark)]">
      <div className="mx-auto grid max-w-6xl grid-cols-1 gap-10 px-4 py-12 sm:px-6 md:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <div className="max-w-sm">
          <p className="text-lg font-bold text-white">{clinic.name}</p>
          <p className="mt-2 text-brand-100">
            Laser removal of scalp micropigmentation with the PicoWay picosecond laser. Every treatment
            starts with a free consultation.
          </p>
        </div>

        <div>
          <h2 className="text-sm font-semibold tracking-[0.12em] text-brand-200 uppercase">Visit us</h2>
          <address className="mt-3 not-italic">
            {clinic.addressLines.map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
          </address>
        </div>

        <div>
          <h2 className="text-sm font-semibold tracking-[0.12em] text-brand-200 uppercase">Contact</h2>
          <ul className="mt-3 space-y-2">
            {clinic.phone ? (
              <li>
                <span className="sr-only">Phone: </span>
                <a href={telHref(clinic.phone)} className={linkClass}>
                  {clinic.phone}
                </a>
              </li>
            ) : null}
            {clinic.email ? (
              <li className="min-w-0">
                <span className="sr-only">Email: </span>
                <a href={`mailto:${clinic.email}`} className={`${linkClass} break-all`}>
                  {clinic.email}
                </a>
              </li>
            ) : null}
            <li>
              <Link href="/book" className={linkClass}>
                Book a free consultation online
              </Link>
            </li>
          </ul>
        </div>
      </div>

      <div className="border-t border-white/10">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-5 text-sm text-brand-200 sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <p>© {year} Victoria House Clinic</p>
          <Link href="/privacy" className="font-medium text-brand-100 underline underline-offset-4 hover:text-white">
            Privacy notice
          </Link>
        </div>
      </div>
    </footer>
  );
}
