import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getClinicInfo } from "@/lib/clinic/settings";

export const metadata: Metadata = {
  title: "Privacy notice",
  description: "How Victoria House Clinic uses the personal information you give us when you book a consultation.",
};

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

export default async function PrivacyPage() {
  // Contact details are read from the database at request time, never baked in at build time.
  await connection();
  const clinic = await getClinicInfo();

  return (
    <article className="mx-auto w-full max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <header className="max-w-3xl">
        <p className="text-sm font-semibold tracking-[0.12em] text-brand-700 uppercase">{clinic.name}</p>
        <h1 className="mt-2 text-4xl font-bold tracking-tight sm:text-5xl">Privacy notice</h1>
        <p className="mt-4 text-lg text-ink-700">
          This notice explains, in plain English, what we do with the information you give us when you book an
          appointment, and the choices you have. {clinic.name} is responsible for your information (the
          &ldquo;data controller&rdquo;).
        </p>
      </header>

      <div className="prose-clinic mt-10">
        <h2>What we collect</h2>
        <p>When you book a consultation we ask for:</p>
        <ul>
          <li>your name</li>
          <li>your email address</li>
          <li>your phone number</li>
          <li>anything you choose to tell us about your scalp micropigmentation in the optional notes box</li>
        </ul>
        <p>
          We also record the details of the appointment itself (the date, time and practitioner) and the emails we send
          you about it.
        </p>

        <h2>Why we use it</h2>
        <p>We use your information only to:</p>
        <ul>
          <li>arrange, confirm, change or cancel your appointment</li>
          <li>contact you about your appointment, for example to confirm it or if we need to move it</li>
          <li>prepare for your consultation, using any notes you have given us</li>
        </ul>
        <p>We do not use it for marketing, and we never sell it.</p>

        <h2>Our legal basis</h2>
        <p>
          We use your information because you have given us your consent, by ticking the consent box when you book.
          Notes about your scalp may count as health information, so we only use them with that explicit consent.
        </p>
        <p>
          You can withdraw your consent at any time by contacting us (details below). If you do, we will stop using
          your information and cancel any booking that depends on it. Withdrawing consent does not affect anything we
          did with your information before you withdrew it.
        </p>

        <h2>Who can see it</h2>
        <p>
          Only {clinic.name} staff can see your details: the practitioners and the reception team who look after
          bookings. Staff have to sign in to see any patient information.
        </p>

        <h2>How long we keep it</h2>
        <p>
          We keep your booking details for 2 years after your last appointment with us. After that we delete them.
        </p>

        <h2>Your rights</h2>
        <p>Under UK data protection law (the UK GDPR) you have the right to:</p>
        <ul>
          <li>
            <strong>see</strong> the information we hold about you (a &ldquo;subject access request&rdquo;)
          </li>
          <li>
            <strong>correct</strong> anything that is wrong or incomplete
          </li>
          <li>
            <strong>have it deleted</strong>
          </li>
          <li>
            <strong>withdraw your consent</strong> at any time
          </li>
          <li>
            <strong>complain</strong> to the Information Commissioner&rsquo;s Office (ICO) if you are unhappy with how
            we have handled your information. You can contact the ICO at{" "}
            <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a> or by calling 0303 123 1113.
          </li>
        </ul>
        <p>We will reply to any request within one month. It is free of charge.</p>

        <h2>Contact us</h2>
        <p>For any question about your information, or to use any of your rights, please get in touch:</p>
        <ul>
          {clinic.email ? (
            <li>
              Email: <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
            </li>
          ) : null}
          {clinic.phone ? (
            <li>
              Phone: <a href={telHref(clinic.phone)}>{clinic.phone}</a>
            </li>
          ) : null}
          {clinic.addressLines.length > 0 ? <li>Post: {[clinic.name, ...clinic.addressLines].join(", ")}</li> : null}
        </ul>
        <p>
          <Link href="/">Back to the home page</Link>
        </p>
      </div>
    </article>
  );
}
