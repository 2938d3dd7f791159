import type { Metadata } from "next";
import { requireStaffPage, seesEveryDiary } from "@/lib/auth/guards";
import { listPendingRequests } from "@/lib/bookings/staff";
import { RequestList } from "@/components/staff/request-actions";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage() {
  const staff = await requireStaffPage();
  const requests = await listPendingRequests(staff);
  const now = new Date().getTime();

  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Requests</h1>
        <p className="mt-2 text-lg text-ink-700">
          Online booking requests waiting for a decision, soonest first. Each one holds its time until you confirm or
          decline it, and the patient is emailed either way. Times are UK time.
        </p>
      </header>
      <RequestList requests={requests} showPractitioner={seesEveryDiary(staff)} now={now} />
    </div>
  );
}
