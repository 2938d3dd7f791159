import { connection } from "next/server";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getPractitioners, getServices } from "@/lib/clinic/catalogue";
import { getClinicInfo } from "@/lib/clinic/settings";
import { formatPounds } from "@/lib/time/london";

type Service = Awaited<ReturnType<typeof getServices>>[number];

/** Prices in the catalogue are starting prices; the consultation is the one free item. */
function priceLabel(pence: number): string {
  return pence === 0 ? "Free" : `from ${formatPounds(pence)}`;
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

const container = "mx-auto w-full max-w-6xl px-4 sm:px-6";

/* ---------- small presentational pieces ---------- */

type IconName = "check" | "clock" | "calendar" | "wind" | "hand" | "sparkle" | "user" | "shield" | "chat";

function Icon({ name, className = "size-6" }: { name: IconName; className?: string }) {
  const paths: Record<IconName, ReactNode> = {
    check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
    clock: (
      <>
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v5l3 2" />
      </>
    ),
    calendar: (
      <>
        <rect x="3.5" y="5" width="17" height="15.5" rx="2.5" />
        <path d="M3.5 10h17M8 3v4M16 3v4" />
      </>
    ),
    wind: <path d="M3 9h11a3 3 0 1 0-3-3M3 15h15a3 3 0 1 1-3 3M3 12h7" />,
    hand: (
      <>
        <path d="M7 11V6.5a1.5 1.5 0 0 1 3 0V11M10 10.5V5a1.5 1.5 0 0 1 3 0v5.5M13 10.5V6.5a1.5 1.5 0 0 1 3 0V12" />
        <path d="M16 10.5a1.5 1.5 0 0 1 3 0V14a7 7 0 0 1-7 7h-.6a6 6 0 0 1-4.7-2.3L4 15.3a1.6 1.6 0 0 1 2.4-2.1L7 14" />
      </>
    ),
    sparkle: <path d="M12 3.5 13.8 9a1.5 1.5 0 0 0 1 1L20.5 12l-5.7 1.9a1.5 1.5 0 0 0-1 1L12 20.5l-1.8-5.6a1.5 1.5 0 0 0-1-1L3.5 12l5.7-1.9a1.5 1.5 0 0 0 1-1Z" />,
    user: (
      <>
        <circle cx="12" cy="8" r="3.5" />
        <path d="M5 20a7 7 0 0 1 14 0" />
      </>
    ),
    shield: (
      <>
        <path d="M12 3 5 6v5.5c0 4.4 3 8 7 9.5 4-1.5 7-5.1 7-9.5V6Z" />
        <path d="m9 12 2.2 2.2L15.5 10" />
      </>
    ),
    chat: <path d="M20 12a7.5 7.5 0 0 1-11 6.6L4 20l1.4-4.6A7.5 7.5 0 1 1 20 12Z" />,
  };
  return (
    <svg
      className={`shrink-0 ${className}`}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}

function SectionHeading({ id, eyebrow, title, children }: { id: string; eyebrow: string; title: string; children?: ReactNode }) {
  return (
    <div className="max-w-2xl">
      <p className="text-sm font-semibold tracking-[0.12em] text-brand-700 uppercase">{eyebrow}</p>
      <h2 id={id} className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">
        {title}
      </h2>
      {children ? <div className="mt-4 text-lg text-ink-700">{children}</div> : null}
    </div>
  );
}

function BookCta({ size = "lg", className = "" }: { size?: "md" | "lg"; className?: string }) {
  return (
    <ButtonLink href="/book" size={size} className={className}>
      Book a free consultation
      <svg className="size-5" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
        <path
          fillRule="evenodd"
          d="M3 10a.9.9 0 0 1 .9-.9h10l-3.3-3.3a.9.9 0 1 1 1.3-1.3l4.9 4.9a.9.9 0 0 1 0 1.3l-4.9 4.9a.9.9 0 1 1-1.3-1.3l3.3-3.3h-10A.9.9 0 0 1 3 10Z"
          clipRule="evenodd"
        />
      </svg>
    </ButtonLink>
  );
}

/* ---------- sections ---------- */

function Hero({ lowestSessionPrice }: { lowestSessionPrice: number | null }) {
  const facts: { label: string; value: string; icon: IconName }[] = [
    { label: "First appointment", value: "Free consultation", icon: "chat" },
    { label: "Each laser session", value: "About 20 minutes", icon: "clock" },
    { label: "Time between sessions", value: "6 to 8 weeks", icon: "calendar" },
  ];
  if (lowestSessionPrice !== null) {
    facts.push({ label: "Price per session", value: priceLabel(lowestSessionPrice), icon: "sparkle" });
  }

  return (
    <section
      aria-labelledby="hero-title"
      className="bg-canvas bg-[radial-gradient(ellipse_80%_70%_at_100%_0%,var(--color-brand-100),transparent),linear-gradient(to_bottom,var(--color-brand-50),var(--color-canvas))]"
    >

      <div className={`${container} grid grid-cols-1 items-center gap-10 py-14 sm:py-20 lg:grid-cols-[minmax(0,1.35fr)_minmax(0,1fr)] lg:gap-16 lg:py-24`}>
        <div>
          <p className="inline-flex items-center gap-2 rounded-full bg-white/80 px-3 py-1 text-sm font-semibold text-brand-800 ring-1 ring-brand-200">
            <Icon name="sparkle" className="size-4" />
            SMP removal in Sutton Coldfield
          </p>
          <h1 id="hero-title" className="mt-5 text-[1.875rem] leading-[1.15] font-bold tracking-tight text-brand-950 min-[400px]:text-4xl sm:text-5xl lg:text-[3.25rem] lg:leading-[1.1]">
            Fade or remove unwanted scalp micropigmentation
          </h1>
          <p className="mt-5 max-w-xl text-lg text-ink-700 sm:text-xl">
            Whether your SMP has blurred, spread, changed colour or simply stopped feeling like you, our PicoWay
            picosecond laser can lighten it, session by session. It all begins with a free, no-pressure
            consultation.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row sm:items-center">
            <BookCta />
            <ButtonLink href="#what-to-expect" variant="ghost" size="lg">
              How it works
            </ButtonLink>
          </div>
          <ul className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-ink-700">
            {["Level 4 certified practitioners", "Removal only: we don't do SMP", "No obligation"].map((item) => (
              <li key={item} className="flex items-center gap-2">
                <Icon name="check" className="size-5 text-brand-600" />
                {item}
              </li>
            ))}
          </ul>
        </div>

        <Card padding="lg">
          <h2 className="text-lg font-bold">At a glance</h2>
          <dl className="mt-4 divide-y divide-sand-200">
            {facts.map((fact) => (
              <div key={fact.label} className="flex items-center gap-4 py-3.5">
                <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-700">
                  <Icon name={fact.icon} className="size-5" />
                </span>
                <div className="min-w-0">
                  <dt className="text-sm text-ink-600">{fact.label}</dt>
                  <dd className="font-semibold text-ink-900">{fact.value}</dd>
                </div>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </section>
  );
}

const STEPS: { title: string; body: ReactNode }[] = [
  {
    title: "A free consultation",
    body: (
      <>
        You meet Sally or Hannah, who look closely at your SMP: how deep the pigment sits, its colour and how much of
        the scalp it covers. They explain what is realistic for you and propose a treatment plan, with the number of
        sessions and the cost. There is no charge and no obligation to go ahead.
      </>
    ),
  },
  {
    title: "Short laser sessions",
    body: (
      <>
        Each session takes about 20 minutes. The PicoWay laser sends extremely short pulses into the skin that break
        the pigment into tiny fragments, which your body then clears away naturally over the following weeks.
      </>
    ),
  },
  {
    title: "Time to recover",
    body: (
      <>
        Sessions are spaced 6 to 8 weeks apart. That gap lets your scalp recover properly and gives your body time to
        carry the broken-down pigment away, so the fading keeps going between visits.
      </>
    ),
  },
  {
    title: "Review and repeat",
    body: (
      <>
        We check your progress at every visit and adjust the plan if needed. Most people need several sessions: deeper
        and darker pigment takes more, lighter or shallower work takes fewer.
      </>
    ),
  },
];

function WhatToExpect() {
  return (
    <section id="what-to-expect" aria-labelledby="what-to-expect-title" className="py-16 sm:py-24">
      <div className={container}>
        <SectionHeading id="what-to-expect-title" eyebrow="What to expect" title="How SMP laser removal works">
          <p>
            Scalp micropigmentation is a cosmetic tattoo, so it fades the way other tattoos do: gradually, over a
            course of treatments. Here is the journey from first visit to final session.
          </p>
        </SectionHeading>

        <ol className="mt-12 grid grid-cols-1 gap-5 sm:grid-cols-2 lg:grid-cols-4">
          {STEPS.map((step, index) => (
            <Card as="li" key={step.title} className="flex flex-col">
              <span
                aria-hidden="true"
                className="flex size-10 items-center justify-center rounded-full bg-brand-700 text-lg font-bold text-white"
              >
                {index + 1}
              </span>
              <h3 className="mt-4 text-lg font-bold">
                <span className="sr-only">Step {index + 1}: </span>
                {step.title}
              </h3>
              <p className="mt-2 text-ink-700">{step.body}</p>
            </Card>
          ))}
        </ol>

        <div className="mt-12 grid grid-cols-1 gap-5 lg:grid-cols-2">
          <Card tone="sand" padding="lg">
            <div className="flex items-start gap-4">
              <span className="flex size-11 shrink-0 items-center justify-center rounded-full bg-white text-brand-700">
                <Icon name="wind" />
              </span>
              <div>
                <h3 className="text-xl font-bold">Your comfort comes first</h3>
                <p className="mt-2 text-ink-700">
                  Throughout each session a cooling air machine blows chilled air over the area being treated to keep
                  the skin comfortable. You are in control: tell us at any point and we pause or stop straight away.
                </p>
              </div>
            </div>
          </Card>
          <Card tone="sand" padding="lg">
            <div className="flex items-start gap-4">
              <span className="flex size-11 shrink-0 items-center justify-center rounded-full bg-white text-brand-700">
                <Icon name="shield" />
              </span>
              <div>
                <h3 className="text-xl font-bold">Honest about results</h3>
                <p className="mt-2 text-ink-700">
                  Most of our patients see significant fading, and many reach full removal. Results do vary from person
                  to person, though, so we will give you a straight answer about what to expect at your consultation.
                  Some people want their SMP gone completely; others want it lightened so it can be corrected.
                </p>
              </div>
            </div>
          </Card>
        </div>
      </div>
    </section>
  );
}

function Prices({ services }: { services: Service[] }) {
  return (
    <section id="prices" aria-labelledby="prices-title" className="border-y border-sand-200 bg-white py-16 sm:py-24">
      <div className={`${container} grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)] lg:gap-16`}>
        <SectionHeading id="prices-title" eyebrow="Prices" title="Clear prices, per session">
          <p>
            Your consultation is free. After that you pay for each laser session, and the price depends on the size of
            the area being treated. We confirm your exact plan and cost at the consultation, before any treatment.
          </p>
        </SectionHeading>

        <div>
          {services.length > 0 ? (
            <div className="overflow-hidden rounded-(--radius-card) border border-sand-200 shadow-(--shadow-card)">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">Prices per session</caption>
                <thead className="bg-brand-50 text-sm text-brand-900">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-semibold sm:px-6">
                      Treatment
                    </th>
                    <th scope="col" className="px-4 py-3 text-right font-semibold sm:px-6">
                      Price
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-sand-200 bg-white">
                  {services.map((service) => (
                    <tr key={service.slug} className="align-top">
                      <th scope="row" className="px-4 py-5 font-normal sm:px-6">
                        <span className="block text-lg font-bold text-ink-900">{service.name}</span>
                        {service.description ? (
                          <span className="mt-1 block text-ink-700">{service.description}</span>
                        ) : null}
                        <span className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-ink-600">
                          <span className="inline-flex items-center gap-1.5">
                            <Icon name="clock" className="size-4" />
                            About {service.durationMinutes} minutes
                          </span>
                          {service.bookableOnline ? (
                            <span className="inline-flex items-center gap-1.5 font-semibold text-brand-700">
                              <Icon name="check" className="size-4" />
                              Book online
                            </span>
                          ) : (
                            <span>Arranged after your consultation</span>
                          )}
                        </span>
                      </th>
                      <td className="px-4 py-5 text-right sm:px-6">
                        <span
                          className={`text-xl font-bold whitespace-nowrap ${service.priceFromPence === 0 ? "text-brand-700" : "text-ink-900"}`}
                        >
                          {priceLabel(service.priceFromPence)}
                        </span>
                        {service.priceFromPence > 0 ? <span className="block text-sm text-ink-600">per session</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-ink-700">Please call the clinic for our current prices.</p>
          )}
          <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-center sm:gap-5">
            <div className="shrink-0">
              <BookCta size="md" />
            </div>
            <p className="text-sm text-ink-600">Free and without obligation. Booking takes about a minute.</p>
          </div>
        </div>
      </div>
    </section>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

function Practitioners({ practitioners }: { practitioners: Awaited<ReturnType<typeof getPractitioners>> }) {
  return (
    <section id="practitioners" aria-labelledby="practitioners-title" className="py-16 sm:py-24">
      <div className={container}>
        <SectionHeading id="practitioners-title" eyebrow="Our practitioners" title="Meet Sally and Hannah">
          <p>
            Both of our practitioners hold a Level 4 qualification in laser treatment. When you book you can choose
            either of them, or pick whoever has the first free appointment.
          </p>
        </SectionHeading>

        {practitioners.length > 0 ? (
          <ul className="mt-12 grid grid-cols-1 gap-5 md:grid-cols-2">
            {practitioners.map((person) => (
              <Card as="li" key={person.slug} padding="lg">
                <div className="flex items-center gap-4">
                  <span
                    aria-hidden="true"
                    className="flex size-14 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xl font-bold text-brand-800"
                  >
                    {initials(person.name)}
                  </span>
                  <div className="min-w-0">
                    <h3 className="text-xl font-bold">{person.name}</h3>
                    <p className="text-ink-600">{person.title}</p>
                  </div>
                </div>
                <p className="mt-4 text-ink-700">{person.bio}</p>
              </Card>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

function Laser() {
  const points = [
    "Energy arrives in pulses lasting trillionths of a second",
    "Pigment is shattered into very fine particles the body can clear",
    "Less heat builds up in the surrounding skin than with older-style lasers",
  ];
  return (
    <section aria-labelledby="laser-title" className="bg-brand-900 py-16 text-brand-50 sm:py-20 [--focus-ring:var(--color-focus-on-dark)]">
      <div className={`${container} grid grid-cols-1 gap-10 lg:grid-cols-2 lg:items-center lg:gap-16`}>
        <div>
          <p className="text-sm font-semibold tracking-[0.12em] text-brand-200 uppercase">The technology</p>
          <h2 id="laser-title" className="mt-2 text-3xl font-bold tracking-tight text-white sm:text-4xl">
            The Candela PicoWay laser
          </h2>
          <p className="mt-4 text-lg text-brand-100">
            Picosecond lasers such as the PicoWay deliver their energy in extremely short bursts instead of relying
            mainly on heat. That makes them well suited to breaking up dense, dark pigment like the thousands of tiny
            dots that make up SMP.
          </p>
        </div>
        <ul className="grid grid-cols-1 gap-3">
          {points.map((point) => (
            <li key={point} className="flex items-start gap-3 rounded-xl bg-white/5 p-4 ring-1 ring-white/10">
              <Icon name="check" className="mt-0.5 size-5 text-brand-200" />
              <span>{point}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

const FAQS: { question: string; answer: ReactNode }[] = [
  {
    question: "Is the consultation really free?",
    answer:
      "Yes. The consultation costs nothing and you are under no obligation to book any treatment afterwards. It is your chance to ask questions and get an honest view of what laser removal can do for your SMP.",
  },
  {
    question: "How many sessions will I need?",
    answer:
      "It depends mainly on how deep and how dark the pigment is. Most people need several sessions. Your practitioner will give you an estimate at the consultation and review it as you go.",
  },
  {
    question: "Why do sessions have to be 6 to 8 weeks apart?",
    answer:
      "Your scalp needs time to recover after each session, and your body needs time to clear the pigment the laser has broken up. That is why we do not treat sooner.",
  },
  {
    question: "Does it hurt?",
    answer:
      "We use a cooling air machine throughout each session to keep the skin comfortable, and the sessions themselves are short, about 20 minutes. You can ask us to pause or stop at any time.",
  },
  {
    question: "Will my SMP be completely removed?",
    answer:
      "Most patients see significant fading and many achieve full removal, but results vary from person to person. We will be upfront about what is realistic for you before you commit to anything.",
  },
  {
    question: "Do you also apply SMP?",
    answer:
      "No. Victoria House Clinic only removes scalp micropigmentation. If you want your SMP lightened so another practitioner can redo it, we can plan your treatment around that.",
  },
  {
    question: "Can I choose who treats me?",
    answer:
      "Yes. When you book you can choose Sally or Hannah, or select no preference to see whoever has the earliest time.",
  },
  {
    question: "How do I change or cancel my appointment?",
    answer:
      "Every email we send about your booking contains a private link where you can view, reschedule or cancel it. You can also call the clinic.",
  },
];

function Faq() {
  return (
    <section id="faq" aria-labelledby="faq-title" className="py-16 sm:py-24">
      <div className={`${container} grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.6fr)] lg:gap-16`}>
        <SectionHeading id="faq-title" eyebrow="Questions" title="Frequently asked questions">
          <p>If your question is not answered here, bring it to your free consultation, or give us a call.</p>
        </SectionHeading>
        <div className="divide-y divide-sand-200 rounded-(--radius-card) border border-sand-200 bg-white shadow-(--shadow-card)">
          {FAQS.map((faq) => (
            <details key={faq.question} className="group">
              <summary className="flex min-h-14 list-none items-center justify-between gap-4 px-5 py-4 text-lg font-semibold text-ink-900 hover:bg-sand-100 sm:px-6 [&::-webkit-details-marker]:hidden">
                {faq.question}
                <svg
                  className="size-5 shrink-0 text-brand-700 transition-transform group-open:rotate-180"
                  viewBox="0 0 20 20"
                  fill="currentColor"
                  aria-hidden="true"
                  focusable="false"
                >
                  <path
                    fillRule="evenodd"
                    d="M5.2 7.7a.9.9 0 0 1 1.3 0L10 11.2l3.5-3.5a.9.9 0 1 1 1.3 1.3l-4.2 4.1a.9.9 0 0 1-1.2 0L5.2 9a.9.9 0 0 1 0-1.3Z"
                    clipRule="evenodd"
                  />
                </svg>
              </summary>
              <p className="max-w-prose px-5 pb-5 text-ink-700 sm:px-6">{faq.answer}</p>
            </details>
          ))}
        </div>
      </div>
    </section>
  );
}

function FinalCta({ phone }: { phone: string }) {
  return (
    <section aria-labelledby="cta-title" className="pb-16 sm:pb-24">
      <div className={container}>
        <div className="rounded-3xl bg-brand-700 px-6 py-12 text-center text-white sm:px-12 sm:py-16 [--focus-ring:var(--color-focus-on-dark)]">
          <h2 id="cta-title" className="text-3xl font-bold tracking-tight text-white sm:text-4xl">
            Ready to talk it through?
          </h2>
          <p className="mx-auto mt-4 max-w-xl text-lg text-brand-50">
            Book a free consultation online at a time that suits you. Choose your practitioner, pick a slot and we will
            confirm by email.
          </p>
          <div className="mt-8 flex flex-col items-center gap-4">
            <ButtonLink href="/book" size="lg" variant="secondary" className="w-full px-4! sm:w-auto sm:px-7!">
              Book a free consultation
            </ButtonLink>
            {phone ? (
              <p className="text-brand-50">
                Prefer to talk?{" "}
                <a href={telHref(phone)} className="font-semibold whitespace-nowrap text-white underline underline-offset-4">
                  Call {phone}
                </a>
              </p>
            ) : null}
          </div>
        </div>
      </div>
    </section>
  );
}

export default async function HomePage() {
  await connection();
  const [services, practitioners, clinic] = await Promise.all([getServices(), getPractitioners(), getClinicInfo()]);
  const paidPrices = services.map((s) => s.priceFromPence).filter((pence) => pence > 0);
  const lowestSessionPrice = paidPrices.length > 0 ? Math.min(...paidPrices) : null;

  return (
    <>
      <Hero lowestSessionPrice={lowestSessionPrice} />
      <WhatToExpect />
      <Prices services={services} />
      <Practitioners practitioners={practitioners} />
      <Laser />
      <Faq />
      <FinalCta phone={clinic.phone} />
    </>
  );
}
