"use client";

/**
 * The Accounts page body: every account as a card, then the "Add an account" form. One client
 * component so a single toast serves all of them and survives the refresh after a change.
 */
import type { StaffAccountDto } from "@/lib/admin";
import { Card } from "@/components/ui/card";
import { AdminAccountCard } from "./admin-account-card";
import { AdminAccountCreate } from "./admin-account-create";
import type { PractitionerChoice } from "./admin-practitioner-options";
import { Toast, useToast } from "./staff-toast";

type Props = {
  accounts: StaffAccountDto[];
  practitioners: { slug: string; name: string }[];
  currentUserId: string;
};

export function AdminAccounts({ accounts, practitioners, currentUserId }: Props) {
  const toast = useToast();
  const choices: PractitionerChoice[] = practitioners.map((p) => ({
    ...p,
    takenBy: accounts.find((account) => account.practitioner === p.slug)?.name ?? null,
  }));
  const active = accounts.filter((a) => a.active).length;

  return (
    <>
      <section aria-labelledby="accounts-title" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="accounts-title" className="text-xl font-bold">
            Accounts <span className="font-normal text-ink-600">({active} active{accounts.length > active ? `, ${accounts.length - active} disabled` : ""})</span>
          </h2>
          <a href="#add-account-title" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline hover:text-brand-900">
            Add an account
          </a>
        </div>
        {accounts.length === 0 ? (
          <Card>
            <p>No accounts yet.</p>
          </Card>
        ) : (
          <ul className="grid gap-4 lg:grid-cols-2">
            {accounts.map((account) => (
              <li key={account.id} className="min-w-0">
                <AdminAccountCard account={account} isSelf={account.id === currentUserId} practitioners={choices} onDone={toast.show} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <Card as="section" aria-labelledby="add-account-title" padding="lg">
        <h2 id="add-account-title" tabIndex={-1} className="text-xl font-bold outline-none">
          Add an account
        </h2>
        <p className="mt-1 mb-5 text-ink-700">
          For a new practitioner, receptionist or admin. Each person gets their own account, so the history shows who
          did what.
        </p>
        <AdminAccountCreate practitioners={choices} onCreated={toast.show} />
      </Card>

      <Toast toast={toast.toast} dismiss={toast.dismiss} />
    </>
  );
}
