// A second app instance's outbox sender, as a process of its own: the delivery tests start two at
// once, or kill one mid-batch, to show that claims and leases hold across processes.
// Usage: node --import tsx --conditions=react-server tests/support/outbox-sender.ts <now as ISO>
// It delivers everything due at <now>, then prints {"sent": N} and exits.
import { deliverDueEmails } from "@/lib/email/delivery";

const now = new Date(process.argv[2] ?? Date.now());
let sent = 0;
for (;;) {
  const report = await deliverDueEmails({ now, limit: 10 });
  sent += report.sent;
  if (report.claimed === 0) break;
}
process.stdout.write(`${JSON.stringify({ sent })}\n`);
process.exit(0);
