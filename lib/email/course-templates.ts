import { formatLondonLongDate, formatPounds, type LondonDate } from "@/lib/time/london";
import type { ClinicInfo } from "@/lib/clinic/settings";
import { renderClinicEmail, type EmailBooking, type RenderedEmail } from "./templates";

/**
 * Patient emails of a treatment course. They say what the patient agreed to and what it costs, in
 * plain words, and nothing of the practitioner's assessment: never the skin type, the outcome notes
 * or a patch-test result (health data stays in the staff area). Subjects name no treatment at all,
 * since they show on lock screens.
 */

export type PlanQuote = {
  /** The consultation's reference: the plan grew out of it. */
  reference: string;
  patientName: string;
  practitionerName: string;
  serviceName: string;
  estimatedSessions: number;
  sessionPricePence: number;
  quotePence: number;
  minIntervalWeeks: number;
  maxIntervalWeeks: number;
  patchTestWaitHours: number;
};

const sessionsWord = (n: number) => `${n} session${n === 1 ? "" : "s"}`;

function waitInWords(hours: number): string {
  if (hours === 0) return "the same day";
  if (hours % 24 === 0) return `at least ${hours / 24} day${hours === 24 ? "" : "s"} later`;
  return `at least ${hours} hours later`;
}

export function renderPlanQuoteEmail(plan: PlanQuote, clinic: ClinicInfo): RenderedEmail {
  return {
    subject: `Your plan and quote from ${clinic.name} (${plan.reference})`,
    ...renderClinicEmail({
      heading: "Your treatment plan and quote",
      patientName: plan.patientName,
      paragraphs: [
        `Thank you for coming to your consultation with ${plan.practitionerName}. Here is the plan you talked about.`,
        `We estimate about ${sessionsWord(plan.estimatedSessions)} at ${formatPounds(plan.sessionPricePence)} each, so about ${formatPounds(plan.quotePence)} in all. This is an estimate, not a fixed price: pigment fades at its own pace, so you may need fewer or more sessions. We look at how it is fading at every visit, and you pay for each session when you have it.`,
        `Sessions are ${plan.minIntervalWeeks} to ${plan.maxIntervalWeeks} weeks apart, so that your skin can recover in between. Before the first one we do a quick patch test, and the first session can be ${waitInWords(plan.patchTestWaitHours)}.`,
        "When you are ready, call us or reply to this email and we will book your patch test. There is no obligation.",
      ],
      detailRows: [
        ["Reference", plan.reference],
        ["Treatment", plan.serviceName],
        ["With", plan.practitionerName],
        ["Estimated sessions", String(plan.estimatedSessions)],
        ["Price per session", formatPounds(plan.sessionPricePence)],
        ["Estimated total", formatPounds(plan.quotePence)],
      ],
      clinic,
    }),
  };
}

/** Queued when a laser session is marked attended: what to do and avoid in the next days, when to call. */
export function renderAftercareEmail(booking: EmailBooking, clinic: ClinicInfo): RenderedEmail {
  return {
    subject: `Your aftercare for the next few days (${booking.reference})`,
    ...renderClinicEmail({
      heading: "Looking after your skin",
      patientName: booking.patientName,
      paragraphs: [
        "Thank you for coming in. Here is how to look after the treated area while it heals.",
        "Today: keep the area clean and dry. If it feels warm or sore, hold a cool compress on it (never ice straight on the skin). Some redness, swelling or tenderness is normal and settles within a few days.",
        "For the next two weeks: do not pick or scratch scabs or blisters, let them heal on their own. Wash gently with lukewarm water and a mild shampoo, and pat dry. Keep the area out of direct sun and cover it with a loose hat; once it has healed, use sun cream of SPF 30 or higher.",
        "For the next 48 hours avoid swimming pools, saunas, steam rooms, hot tubs and hard exercise that makes you sweat. Avoid sunbeds and fake tan until your next session.",
        `Call us on ${clinic.phone} if the area becomes very red, hot or swollen, weeps yellow fluid, hurts more after the first two days, or you feel feverish. Out of hours, call NHS 111; in an emergency, call 999.`,
      ],
      detailRows: [
        ["Reference", booking.reference],
        ["Appointment", booking.serviceName],
        ["With", booking.practitionerName],
      ],
      clinic,
    }),
  };
}

export type RecallInvitation = {
  reference: string;
  patientName: string;
  practitionerName: string;
  lastSessionDate: LondonDate;
  dueFrom: LondonDate;
  dueBy: LondonDate;
};

export function renderRecallEmail(recall: RecallInvitation, clinic: ClinicInfo): RenderedEmail {
  return {
    subject: `Time to book your next appointment (${clinic.name})`,
    ...renderClinicEmail({
      heading: "Time to book your next session",
      patientName: recall.patientName,
      paragraphs: [
        `Your last session was on ${formatLondonLongDate(recall.lastSessionDate)}. Your next one is best between ${formatLondonLongDate(recall.dueFrom)} and ${formatLondonLongDate(recall.dueBy)}.`,
        `Call us on ${clinic.phone} or reply to this email and we will find a time that suits you.`,
      ],
      detailRows: [
        ["Reference", recall.reference],
        ["With", recall.practitionerName],
        ["Book from", formatLondonLongDate(recall.dueFrom)],
        ["Best by", formatLondonLongDate(recall.dueBy)],
      ],
      clinic,
    }),
  };
}
