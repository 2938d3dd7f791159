import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { getServerEnv } from "@/lib/env";

export type MailToSend = {
  id: string;
  to: string;
  toName: string | null;
  subject: string;
  text: string;
  html: string;
  ics: { content: string; method: string } | null;
};

export type MailTransport = { kind: "smtp" | "mailbox"; send(mail: MailToSend): Promise<void> };

/** A send failure classified for retry: SMTP 5xx replies are permanent, everything else is worth retrying. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

function toNodemailerMessage(mail: MailToSend, from: string): Mail.Options {
  return {
    from,
    to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    // Nodemailer attaches this both as a text/calendar alternative and as invite.ics.
    icalEvent: mail.ics ? { method: mail.ics.method, filename: "invite.ics", content: mail.ics.content } : undefined,
    messageId: `<${mail.id}@victoriahouse.booking>`,
  };
}

export function classifySendError(error: unknown): DeliveryError {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const detail = [e.responseCode, e.code, e.message].filter(Boolean).join(" ").slice(0, 500) || "unknown error";
  const permanent = typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600;
  return new DeliveryError(detail, permanent);
}

export function createSmtpTransport(url: string, from: string, timeoutMs: number): MailTransport {
  // The URL is taken apart here rather than handed to nodemailer: with a `url` option nodemailer
  // ignores the timeouts and waits 30 s for a greeting. A dead or stalled server must not hold a
  // send for long (10 s at most).
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  const transporter = nodemailer.createTransport({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 3,
  });
  return {
    kind: "smtp",
    async send(mail) {
      try {
        await transporter.sendMail(toNodemailerMessage(mail, from));
      } catch (error) {
        throw classifySendError(error);
      }
    },
  };
}

/** Without SMTP_URL: each message becomes an .eml file, and its links are printed for a newcomer to follow. */
function createMailboxTransport(dir: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "mailbox",
    async send(mail) {
      const info = await transporter.sendMail(toNodemailerMessage(mail, from));
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.id}.eml`);
      await writeFile(file, info.message as Buffer);
      const links = [...new Set(mail.text.match(/https?:\/\/\S+/g) ?? [])];
      console.log(`[mailbox] "${mail.subject}" to ${mail.to} saved in ${file}${links.length ? `\n[mailbox]   links: ${links.join(" ")}` : ""}`);
    },
  };
}

let cached: MailTransport | undefined;

export function getMailTransport(): MailTransport {
  if (cached) return cached;
  const env = getServerEnv();
  cached = env.SMTP_URL ? createSmtpTransport(env.SMTP_URL, env.EMAIL_FROM, env.SMTP_TIMEOUT_MS) : createMailboxTransport(path.resolve(env.MAILBOX_DIR), env.EMAIL_FROM);
  return cached;
}
