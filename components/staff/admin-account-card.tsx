"use client";

/**
 * One staff account on the Accounts page: who it is, its role and state, and the admin's actions:
 * edit name/role/practitioner (PATCH), disable or enable (PATCH { active }), set a new password
 * (POST .../password). Disabling and a new password end the person's sessions everywhere, so both
 * ask first. The admin's own account cannot be disabled or lose its admin role (the API refuses
 * too); those controls are not offered rather than failing after a click.
 */
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { StaffAccountDto } from "@/lib/admin";
import type { StaffRole } from "@/lib/auth/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, Select, TextInput } from "@/components/ui/field";
import { AdminPasswordInput } from "./admin-password-input";
import { PractitionerOptions, type PractitionerChoice } from "./admin-practitioner-options";
import { RoleOptions, fieldErrorsOf, roleLabel } from "./admin-shared";
import { failureMessage, staffRequest } from "./booking-api";

type Props = {
  account: StaffAccountDto;
  isSelf: boolean;
  practitioners: PractitionerChoice[];
  onDone: (text: string) => void;
};

type Dialog = "disable" | "password" | null;

function Badge({ tone, children }: { tone: "brand" | "green" | "grey"; children: string }) {
  const tones = { brand: "bg-brand-100 text-brand-950 ring-brand-300", green: "bg-green-100 text-green-950 ring-green-400", grey: "bg-sand-200 text-ink-900 ring-sand-300" };
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ring-1 ring-inset ${tones[tone]}`}>{children}</span>;
}

export function AdminAccountCard({ account, isSelf, practitioners, onDone }: Props) {
  const router = useRouter();
  const uid = useId();
  const titleId = `${uid}-title`;
  const editId = `${uid}-edit`;
  const practitionerName = practitioners.find((p) => p.slug === account.practitioner)?.name ?? account.practitioner;

  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(account.name);
  const [role, setRole] = useState<StaffRole>(account.role);
  const [practitioner, setPractitioner] = useState(account.practitioner ?? "");
  const [editErrors, setEditErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"edit" | "active" | "password" | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [password, setPassword] = useState("");
  const [passwordError, setPasswordError] = useState<string | null>(null);

  function openEdit() {
    // Start from what is saved now, not from an earlier abandoned edit.
    setName(account.name);
    setRole(account.role);
    setPractitioner(account.practitioner ?? "");
    setEditErrors({});
    setError(null);
    setEditing(true);
  }

  async function patch(body: Record<string, unknown>, kind: "edit" | "active") {
    setBusy(kind);
    setError(null);
    const result = await staffRequest<{ account: StaffAccountDto }>("PATCH", `/api/staff/admin/accounts/${encodeURIComponent(account.id)}`, body);
    setBusy(null);
    return result;
  }

  async function saveEdit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (role === "practitioner" && !practitioner) {
      setEditErrors({ practitioner: "Choose which practitioner this account is." });
      return;
    }
    const body: Record<string, unknown> = { name, practitioner: role === "practitioner" ? practitioner : null };
    if (!isSelf) body.role = role;
    const result = await patch(body, "edit");
    if (result.kind === "ok") {
      setEditing(false);
      setEditErrors({});
      onDone(role !== account.role ? `${result.data.account.name} is now ${roleLabel(role).toLowerCase()} and has been signed out everywhere.` : `Saved ${result.data.account.name}.`);
      router.refresh();
      return;
    }
    setEditErrors(fieldErrorsOf(result));
    setError(failureMessage(result));
  }

  async function setActive(active: boolean) {
    const result = await patch({ active }, "active");
    if (result.kind === "ok") {
      setDialog(null);
      onDone(active ? `${account.name} can sign in again.` : `${account.name}’s account is disabled and they have been signed out everywhere.`);
      router.refresh();
      return;
    }
    setDialog(null);
    setError(failureMessage(result));
  }

  async function savePassword() {
    setBusy("password");
    setPasswordError(null);
    const result = await staffRequest<{ account: StaffAccountDto }>("POST", `/api/staff/admin/accounts/${encodeURIComponent(account.id)}/password`, { password });
    setBusy(null);
    if (result.kind === "ok") {
      setDialog(null);
      setPassword("");
      onDone(`New password set for ${account.name}. They have been signed out everywhere.`);
      router.refresh();
      return;
    }
    setPasswordError(fieldErrorsOf(result).password ?? failureMessage(result));
  }

  const roleChanged = role !== account.role;

  return (
    <article
      aria-labelledby={titleId}
      className={`flex min-w-0 flex-col gap-3 rounded-(--radius-card) border border-sand-200 p-5 shadow-(--shadow-card) ${account.active ? "bg-white" : "bg-sand-100"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={titleId} className="text-lg font-bold">
            {account.name}
            {isSelf ? <span className="font-normal text-ink-600"> (you)</span> : null}
          </h3>
          <p className="break-all text-ink-700">{account.email}</p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          <Badge tone="brand">{roleLabel(account.role)}</Badge>
          {account.active ? <Badge tone="green">Active</Badge> : <Badge tone="grey">Disabled</Badge>}
        </div>
      </div>
      {account.role === "practitioner" ? (
        <p className="text-sm text-ink-700">
          Diary: <span className="font-semibold text-ink-900">{practitionerName ?? "not linked"}</span>
        </p>
      ) : null}

      {error ? <Alert tone="error">{error}</Alert> : null}

      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          className={`min-h-11! ${editing ? "bg-brand-100!" : ""}`}
          aria-expanded={editing}
          aria-controls={editId}
          onClick={() => (editing ? setEditing(false) : openEdit())}
        >
          {/* The name stays "Edit"; aria-expanded says whether the form below is open. */}
          Edit<span className="sr-only"> {account.name}</span>
        </Button>
        <Button type="button" variant="secondary" size="sm" className="min-h-11!" onClick={() => { setPassword(""); setPasswordError(null); setDialog("password"); }}>
          Set a new password<span className="sr-only"> for {account.name}</span>
        </Button>
        {isSelf ? null : account.active ? (
          <Button type="button" variant="ghost" size="sm" className="min-h-11! text-red-800! hover:bg-red-50!" onClick={() => setDialog("disable")}>
            Disable<span className="sr-only"> {account.name}’s account</span>
          </Button>
        ) : (
          <Button type="button" variant="secondary" size="sm" className="min-h-11!" loading={busy === "active"} onClick={() => setActive(true)}>
            Enable<span className="sr-only"> {account.name}’s account</span>
          </Button>
        )}
      </div>

      <div id={editId} hidden={!editing}>
        {editing ? (
          <form onSubmit={saveEdit} noValidate className="flex flex-col gap-4 border-t border-sand-200 pt-4">
            <Field id={`${uid}-name`} label="Name" error={editErrors.name} required>
              <TextInput autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field
              id={`${uid}-role`}
              label="Role"
              hint={isSelf ? "You cannot remove your own admin role: ask another admin." : roleChanged ? "Changing the role signs them out everywhere." : undefined}
              error={editErrors.role}
            >
              <Select value={role} disabled={isSelf} onChange={(e) => setRole(e.target.value as StaffRole)}>
                <RoleOptions />
              </Select>
            </Field>
            {role === "practitioner" ? (
              <Field id={`${uid}-practitioner`} label="Which practitioner" error={editErrors.practitioner} required>
                <Select value={practitioner} onChange={(e) => setPractitioner(e.target.value)}>
                  <option value="">Choose a practitioner</option>
                  <PractitionerOptions practitioners={practitioners} ownSlug={account.practitioner} />
                </Select>
              </Field>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button type="submit" loading={busy === "edit"}>
                Save changes
              </Button>
              <Button type="button" variant="ghost" onClick={() => setEditing(false)} disabled={busy === "edit"}>
                Cancel
              </Button>
            </div>
          </form>
        ) : null}
      </div>

      <ConfirmDialog
        open={dialog === "disable"}
        tone="danger"
        title={`Disable ${account.name}’s account?`}
        description="Disabling signs them out everywhere. They cannot sign in again until you enable the account; their bookings and history stay."
        confirmLabel="Disable account"
        cancelLabel="Keep it active"
        busy={busy === "active"}
        onConfirm={() => setActive(false)}
        onCancel={() => setDialog(null)}
      />

      <ConfirmDialog
        open={dialog === "password"}
        title={`Set a new password for ${account.name}?`}
        description="This signs them out everywhere. Tell them the new password in person or by phone."
        confirmLabel="Set password"
        busy={busy === "password"}
        onConfirm={savePassword}
        onCancel={() => setDialog(null)}
      >
        <Field id={`${uid}-password`} label="New password" hint="At least 12 characters and at most 72 bytes (accents and emoji count as 2 to 4)." error={passwordError} required>
          <AdminPasswordInput value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
      </ConfirmDialog>
    </article>
  );
}
