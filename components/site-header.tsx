"use client";

/**
 * Site header: clinic wordmark (home link), section links and the "Book a free consultation" call
 * to action. From 1024px everything sits in one row; below that the row keeps only the wordmark,
 * a short "Book" button and a Menu toggle, because the full row would not fit a 375px phone.
 * The menu is a plain disclosure (button + aria-expanded), not a modal: it pushes content down,
 * closes on Escape, on choosing a link and on navigation.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { ButtonLink } from "@/components/ui/button";

const NAV_LINKS = [
  { href: "/#what-to-expect", label: "What to expect" },
  { href: "/#prices", label: "Prices" },
  { href: "/#practitioners", label: "Our practitioners" },
] as const;

function LogoMark() {
  return (
    <svg className="size-9 shrink-0" viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <rect width="36" height="36" rx="10" className="fill-brand-700" />
      {/* A doorway arch: "House", and a calm, open shape. */}
      <path d="M11 27V17a7 7 0 0 1 14 0v10" fill="none" stroke="white" strokeWidth="2.4" strokeLinecap="round" />
      <path d="M8 27h20" stroke="white" strokeWidth="2.4" strokeLinecap="round" />
      <circle cx="18" cy="12.5" r="1.6" className="fill-brand-200" />
    </svg>
  );
}

export function SiteHeader() {
  const [menuOpen, setMenuOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const pathname = usePathname();
  const [menuPathname, setMenuPathname] = useState(pathname);

  // A navigation (including back/forward) closes the menu; adjusting state during render avoids a
  // flash of the open menu on the new page.
  if (menuPathname !== pathname) {
    setMenuPathname(pathname);
    setMenuOpen(false);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (menuOpen && event.key === "Escape") {
      setMenuOpen(false);
      toggleRef.current?.focus();
    }
  }

  return (
    <header onKeyDown={handleKeyDown} className="sticky top-0 z-40 border-b border-sand-200 bg-canvas/95 backdrop-blur-sm">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        {/* Explicit name: the two stacked lines would otherwise be read as "Victoria HouseClinic". */}
        <Link href="/" aria-label="Victoria House Clinic, home" className="-mx-1 flex min-w-0 items-center gap-2.5 rounded-lg px-1 py-1 no-underline">
          <LogoMark />
          <span className="min-w-0 leading-none">
            <span className="block text-[1.0625rem] font-bold tracking-tight whitespace-nowrap text-brand-900">
              Victoria House
            </span>
            <span className="mt-1 block text-[0.6875rem] font-semibold tracking-[0.12em] whitespace-nowrap text-ink-600 uppercase">
              Clinic
              {/* The town only fits beside the Book and Menu buttons from 640px up. */}
              <span className="hidden sm:inline"> · Sutton Coldfield</span>
            </span>
          </span>
        </Link>

        <nav aria-label="Main" className="hidden lg:block">
          <ul className="flex items-center gap-1">
            {NAV_LINKS.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-ink-700 no-underline hover:bg-brand-50 hover:text-brand-900"
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        <div className="flex shrink-0 items-center gap-2">
          {/* Wrappers do the show/hide: a display class on the button itself would fight its inline-flex. */}
          <div className="hidden lg:block">
            <ButtonLink href="/book">Book a free consultation</ButtonLink>
          </div>
          <div className="lg:hidden">
            <ButtonLink href="/book">
              Book<span className="sr-only"> a free consultation</span>
            </ButtonLink>
          </div>
          <button
            ref={toggleRef}
            type="button"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((open) => !open)}
            className="inline-flex size-11 items-center justify-center rounded-xl text-ink-900 ring-1 ring-sand-300 ring-inset hover:bg-sand-100 lg:hidden"
          >
            <span className="sr-only">Menu</span>
            <svg className="size-6" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" focusable="false">
              {menuOpen ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
            </svg>
          </button>
        </div>
      </div>

      <nav
        id={menuId}
        aria-label="Main"
        hidden={!menuOpen}
        className="border-t border-sand-200 bg-canvas lg:hidden"
      >
        <ul className="mx-auto flex max-w-6xl flex-col px-4 py-2 sm:px-6">
          {NAV_LINKS.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                onClick={() => setMenuOpen(false)}
                className="flex min-h-12 items-center rounded-lg px-2 text-lg font-medium text-ink-900 no-underline hover:bg-brand-50"
              >
                {link.label}
              </Link>
            </li>
          ))}
          <li className="pt-2 pb-3">
            <ButtonLink href="/book" size="lg" fullWidth onClick={() => setMenuOpen(false)}>
              Book a free consultation
            </ButtonLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
