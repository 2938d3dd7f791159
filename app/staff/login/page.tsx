import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentStaff } from "@/lib/auth/guards";
import { SIGN_IN_FAILED_TEXT, safeStaffCallback } from "@/components/staff/sign-in-callback";
import { SignInForm } from "@/components/staff/sign-in-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = {
  title: "Staff sign in",
  robots: { index: false, follow: false },
};

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffLoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const callbackUrl = safeStaffCallback(params.callbackUrl);
  // Someone already signed in (a bookmark, the back button) goes straight to where they were heading.
  if (await getCurrentStaff()) redirect(callbackUrl);

  // next-auth sends people back here with ?error=... when a sign-in fails outside the form (for
  // example a stale tab); show the same neutral message as the form does.
  const initialError = params.error ? SIGN_IN_FAILED_TEXT : null;

  return (
    <div className="mx-auto w-full max-w-md py-6 sm:py-12">
      <Card as="section" aria-labelledby="sign-in-title" padding="lg">
        <p className="text-sm font-semibold tracking-[0.12em] text-brand-700 uppercase">Victoria House Clinic staff</p>
        <h1 id="sign-in-title" className="mt-2 text-3xl font-bold tracking-tight">
          Staff sign in
        </h1>
        <p className="mt-2 mb-6 text-ink-700">For practitioners, reception and the clinic admin. Patients do not need an account.</p>
        <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
      </Card>
      <p className="mt-6 text-center text-sm text-ink-600">
        Forgotten your password or locked out? Ask the clinic admin to reset it.
      </p>
    </div>
  );
}
