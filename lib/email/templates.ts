import { formatLondonDateTimeWithZone } from "@/lib/time/london";
import type { ClinicInfo } from "@/lib/clinic/settings";

/**
 * Patient emails: a plain-text part and a simple HTML part, en-GB dates with GMT/BST, the clinic's
 * address and phone, and the private manage link. Subjects never mention health details.
 */
export type RenderedEmail = { subject: string; text: string; html: string };

export type EmailBooking = {
  reference: string;
  patientName: string;
  practitionerName: string;
  serviceName: string;
  start: Date;
  end: Date;
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

function layout(input: { heading: string; paragraphs: string[]; booking: EmailBooking; clinic: ClinicInfo; manageUrl?: string; manageLabel?: string }) {
  const { booking, clinic } = input;
  const when = formatLondonDateTimeWithZone(booking.start);
  const detailRows: [string, string][] = [
    ["Reference", booking.reference],
    ["Appointment", booking.serviceName],
    ["With", booking.practitionerName],
    ["When", when],
    ["Where", [clinic.name, ...clinic.addressLines].join(", ")],
  ];
  return renderClinicEmail({ ...input, patientName: booking.patientName, detailRows });
}

/** The clinic's email frame around any details: greeting, paragraphs, a table of details, an optional link. */
export function renderClinicEmail(input: {
  heading: string;
  paragraphs: string[];
  patientName: string;
  detailRows: [string, string][];
  clinic: ClinicInfo;
  manageUrl?: string;
  manageLabel?: string;
}): { text: string; html: string } {
  const { clinic, detailRows } = input;
  const text = [
    `Dear ${input.patientName},`,
    "",
    ...input.paragraphs.flatMap((p) => [p, ""]),
    ...detailRows.map(([label, value]) => `${label}: ${value}`),
    "",
    ...(input.manageUrl ? [`${input.manageLabel ?? "View, change or cancel your booking"}: ${input.manageUrl}`, "Keep this link private: anyone who has it can change your booking.", ""] : []),
    `Questions? Call us on ${clinic.phone} or reply to this email.`,
    "",
    clinic.name,
    ...clinic.addressLines,
    clinic.phone,
  ].join("\n");

  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(input.heading)}</title></head>
<body style="margin:0;background:#f6f4ef;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2a30">
<div style="max-width:560px;margin:0 auto;padding:24px">
<p style="font-size:14px;color:#0f5257;font-weight:600;margin:0 0 16px">${escapeHtml(clinic.name)}</p>
<div style="background:#ffffff;border-radius:12px;padding:24px">
<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(input.heading)}</h1>
<p style="margin:0 0 12px">Dear ${escapeHtml(input.patientName)},</p>
${input.paragraphs.map((p) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(p)}</p>`).join("\n")}
<table role="presentation" style="width:100%;border-collapse:collapse;margin:16px 0">
${detailRows.map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:6px 12px 6px 0;color:#52616b;font-weight:500;vertical-align:top">${escapeHtml(label)}</th><td style="padding:6px 0">${escapeHtml(value)}</td></tr>`).join("\n")}
</table>
${input.manageUrl ? `<p style="margin:20px 0"><a href="${escapeHtml(input.manageUrl)}" style="display:inline-block;background:#0f5257;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(input.manageLabel ?? "View, change or cancel your booking")}</a></p>
<p style="font-size:13px;color:#52616b;margin:0 0 12px">Keep this link private: anyone who has it can change your booking.</p>` : ""}
</div>
<p style="font-size:13px;color:#52616b;line-height:1.5;margin:16px 0 0">Questions? Call us on <a href="tel:${escapeHtml(clinic.phone.replace(/\s/g, ""))}" style="color:#0f5257">${escapeHtml(clinic.phone)}</a> or reply to this email.<br>${escapeHtml([clinic.name, ...clinic.addressLines].join(", "))}</p>
</div></body></html>`;
  return { text, html };
}

export function renderAcknowledgementEmail(booking: EmailBooking, clinic: ClinicInfo, manageUrl: string): RenderedEmail {
  return {
    subject: `We have received your consultation request (${booking.reference})`,
    ...layout({
      heading: "Request received",
      paragraphs: [
        "Thank you for asking for a free consultation. Your time is held for you while we check the diary; we will email you again to confirm it.",
      ],
      booking,
      clinic,
      manageUrl,
    }),
  };
}

export function renderPatientRescheduledEmail(booking: EmailBooking, clinic: ClinicInfo, manageUrl: string, confirmed: boolean): RenderedEmail {
  return {
    subject: `Your appointment time has changed (${booking.reference})`,
    ...layout({
      heading: "Your booking has moved",
      paragraphs: [
        confirmed
          ? "Your booking has been moved to the time below and stays confirmed. Your calendar invite is updated."
          : "Your booking has been moved to the time below. We will email you again to confirm it.",
      ],
      booking,
      clinic,
      manageUrl,
    }),
  };
}

export function renderCancelledEmail(booking: EmailBooking, clinic: ClinicInfo, rebookUrl: string): RenderedEmail {
  return {
    subject: `Your booking is cancelled (${booking.reference})`,
    ...layout({
      heading: "Booking cancelled",
      paragraphs: ["Your booking below is cancelled and the time has been released. You are welcome to book again whenever suits you."],
      booking,
      clinic,
      manageUrl: rebookUrl,
      manageLabel: "Book another time",
    }),
  };
}

export function renderConfirmationEmail(booking: EmailBooking, clinic: ClinicInfo, manageUrl: string): RenderedEmail {
  return {
    subject: `Your appointment is confirmed (${booking.reference})`,
    ...layout({
      heading: "Appointment confirmed",
      paragraphs: [
        "Good news: your appointment below is confirmed. A calendar invite is attached so you can add it to your phone's calendar.",
        "Please arrive five minutes early. If you need to change or cancel, use the link below at least 24 hours before.",
      ],
      booking,
      clinic,
      manageUrl,
    }),
  };
}

export function renderDeclinedEmail(booking: EmailBooking, clinic: ClinicInfo, rebookUrl: string, reason: string | null): RenderedEmail {
  return {
    subject: `About your consultation request (${booking.reference})`,
    ...layout({
      heading: "We could not take this booking",
      paragraphs: [
        "We are sorry: we cannot see you at the time you asked for, so this request is not going ahead.",
        ...(reason ? [`The clinic says: ${reason}`] : []),
        "Please choose another time that suits you, or call us and we will find one together.",
      ],
      booking,
      clinic,
      manageUrl: rebookUrl,
      manageLabel: "Choose another time",
    }),
  };
}

export function renderClinicCancelledEmail(booking: EmailBooking, clinic: ClinicInfo, rebookUrl: string, reason: string | null): RenderedEmail {
  return {
    subject: `Your appointment is cancelled (${booking.reference})`,
    ...layout({
      heading: "Appointment cancelled",
      paragraphs: [
        "The clinic has cancelled your appointment below. We are sorry for any inconvenience.",
        ...(reason ? [`The clinic says: ${reason}`] : []),
        "You are welcome to book another time whenever suits you.",
      ],
      booking,
      clinic,
      manageUrl: rebookUrl,
      manageLabel: "Book another time",
    }),
  };
}

export function renderClinicRescheduledEmail(booking: EmailBooking, clinic: ClinicInfo, manageUrl: string, confirmed: boolean): RenderedEmail {
  return {
    subject: `Your appointment has moved (${booking.reference})`,
    ...layout({
      heading: "New appointment time",
      paragraphs: [
        confirmed
          ? "The clinic has moved your appointment to the time below. Your calendar invite is updated."
          : "The clinic has moved your requested appointment to the time below. We will confirm it by email.",
      ],
      booking,
      clinic,
      manageUrl,
    }),
  };
}

export function renderReminderEmail(booking: EmailBooking, clinic: ClinicInfo, manageUrl: string): RenderedEmail {
  return {
    subject: `Reminder: your appointment tomorrow (${booking.reference})`,
    ...layout({
      heading: "See you soon",
      paragraphs: ["This is a reminder of your appointment below. If you can no longer come, please call us as soon as you can so that someone else can have the time."],
      booking,
      clinic,
      manageUrl,
    }),
  };
}
