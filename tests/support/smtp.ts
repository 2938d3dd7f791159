import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests: it accepts mail on localhost and keeps each message parsed.
 * `failNext` makes the next deliveries fail with a chosen SMTP reply (e.g. 451 or 550).
 */
export type TestSmtpServer = {
  port: number;
  messages: ParsedMail[];
  failNext(times: number, code: number, message?: string): void;
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
};

export async function startTestSmtpServer(port: number): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  let failures: { remaining: number; code: number; message: string } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (failures && failures.remaining > 0) {
          failures.remaining--;
          const error = Object.assign(new Error(failures.message), { responseCode: failures.code });
          return callback(error);
        }
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
    failNext(times, code, message = "Try again later") {
      failures = { remaining: times, code, message };
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
