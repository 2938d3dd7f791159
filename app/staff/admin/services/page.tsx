import type { Metadata } from "next";
import { listServicesForAdmin } from "@/lib/admin";
import { requireRolePage } from "@/lib/auth/guards";
import { AdminPageHeader } from "@/components/staff/admin-shared";
import { AdminServices } from "@/components/staff/admin-services";

export const metadata: Metadata = { title: "Services and prices" };

export default async function AdminServicesPage() {
  await requireRolePage("admin");
  const services = await listServicesForAdmin();

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6">
      <AdminPageHeader title="Services and prices">
        <p>
          What patients see on the website and can book. Prices are “from” prices. A new length applies to new bookings;
          existing appointments keep theirs.
        </p>
      </AdminPageHeader>
      <AdminServices services={services} />
    </div>
  );
}
