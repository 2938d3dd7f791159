import type { Metadata } from "next";
import { listStaffAccounts } from "@/lib/admin";
import { requireRolePage } from "@/lib/auth/guards";
import { listPractitioners } from "@/lib/bookings/staff";
import { AdminAccounts } from "@/components/staff/admin-accounts";
import { AdminPageHeader } from "@/components/staff/admin-shared";

export const metadata: Metadata = { title: "Staff accounts" };

export default async function AdminAccountsPage() {
  const admin = await requireRolePage("admin");
  const [accounts, practitioners] = await Promise.all([listStaffAccounts(), listPractitioners()]);

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6">
      <AdminPageHeader title="Staff accounts">
        <p>
          Who can sign in to the staff area and what they can do. Disabling an account, changing its role or setting a
          new password signs that person out everywhere.
        </p>
      </AdminPageHeader>
      <AdminAccounts accounts={accounts} practitioners={practitioners} currentUserId={admin.id} />
    </div>
  );
}
