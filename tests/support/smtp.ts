import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests: it accepts mail on localhost and keeps each message parsed.
 * `failNext` makes the next deliveries fail with a chosen SMTP reply (e.g. 451 or 550); with `to`,
 * only deliveries to that address fail, so a retry of some earlier test's email cannot use them up.
 */
export type TestSmtpServer = {
  port: number;
  messages: ParsedMail[];
  /** The SMTP envelope of each accepted message: who it was really sent to. */
  envelopes: { from: string; to: string[] }[];
  failNext(times: number, code: number, message?: string, only?: { to: string }): void;
  /** Waits this long before accepting each message, so that concurrent senders overlap. */
  slowDown(ms: number): void;
  /**
   * Accepts `count` more messages, then holds the next one open without ever answering: a sender
   * stuck mid-send. Resolves once a message is held.
   */
  holdAfter(count: number): Promise<void>;
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
};

export async function startTestSmtpServer(port: number): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const envelopes: { from: string; to: string[] }[] = [];
  let failures: { remaining: number; code: number; message: string; to?: string } | null = null;
  let delayMs = 0;
  let hold: { remaining: number; onHeld: () => void } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (hold && hold.remaining-- <= 0) {
          hold.onHeld();
          return; // never answered: the sender waits until it dies or times out
        }
        const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        if (failures && failures.remaining > 0 && (!failures.to || recipients.includes(failures.to))) {
          failures.remaining--;
          const error = Object.assign(new Error(failures.message), { responseCode: failures.code });
          return callback(error);
        }
        envelopes.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address) });
        messages.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port,
    messages,
    envelopes,
    failNext(times, code, message = "Try again later", only) {
      failures = { remaining: times, code, message, to: only?.to.toLowerCase() };
    },
    slowDown(ms) {
      delayMs = ms;
    },
    holdAfter(count) {
      return new Promise<void>((resolve) => {
        hold = { remaining: count, onHeld: resolve };
      });
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching email within ${timeoutMs} ms (received ${messages.length})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
