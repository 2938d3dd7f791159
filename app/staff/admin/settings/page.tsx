import type { Metadata } from "next";
import { getSettingsForAdmin } from "@/lib/admin";
import { requireRolePage } from "@/lib/auth/guards";
import { AdminPageHeader } from "@/components/staff/admin-shared";
import { AdminSettingsForm } from "@/components/staff/admin-settings-form";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function AdminSettingsPage() {
  await requireRolePage("admin");
  const settings = await getSettingsForAdmin();

  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6">
      <AdminPageHeader title="Clinic settings">
        <p>The clinic’s details and the rules for online booking. Changes apply at once.</p>
      </AdminPageHeader>
      <AdminSettingsForm settings={settings} />
    </div>
  );
}
