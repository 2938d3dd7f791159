"use client";

/**
 * "Add an account": email, name, role, which practitioner (only for the practitioner role) and a
 * first password -> POST /api/staff/admin/accounts. Field errors from the API appear beside the
 * fields and what was typed is kept; on success the form empties and the list refreshes.
 */
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { StaffRole } from "@/lib/auth/types";
import type { StaffAccountDto } from "@/lib/admin";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { failureMessage, staffRequest } from "./booking-api";
import { AdminPasswordInput } from "./admin-password-input";
import { ROLE_OPTIONS, RoleOptions, fieldErrorsOf } from "./admin-shared";
import { PractitionerOptions, type PractitionerChoice } from "./admin-practitioner-options";

const EMPTY = { email: "", name: "", role: "" as StaffRole | "", practitioner: "", password: "" };

export function AdminAccountCreate({ practitioners, onCreated }: { practitioners: PractitionerChoice[]; onCreated: (text: string) => void }) {
  const router = useRouter();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function set<K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!values.role) {
      // The API would say "Choose a role." too; saying it here saves a round trip.
      setErrors({ role: "Choose a role." });
      setFormError("Please check the highlighted fields.");
      return;
    }
    setBusy(true);
    setFormError(null);
    const body = {
      email: values.email,
      name: values.name,
      role: values.role,
      password: values.password,
      ...(values.role === "practitioner" ? { practitioner: values.practitioner } : {}),
    };
    const result = await staffRequest<{ account: StaffAccountDto }>("POST", "/api/staff/admin/accounts", body);
    setBusy(false);
    if (result.kind === "ok") {
      setValues(EMPTY);
      setErrors({});
      onCreated(`Account created for ${result.data.account.name}. They can sign in with ${result.data.account.email}.`);
      router.refresh();
      return;
    }
    setErrors(fieldErrorsOf(result));
    setFormError(failureMessage(result));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-account-title" className="flex flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-5 md:grid-cols-2">
        <Field id="new-email" label="Email address" hint="They sign in with this." error={errors.email} required>
          <TextInput type="email" autoComplete="off" spellCheck={false} value={values.email} onChange={(e) => set("email", e.target.value)} />
        </Field>
        <Field id="new-name" label="Name" hint="As colleagues see it in the diary and history." error={errors.name} required>
          <TextInput autoComplete="off" value={values.name} onChange={(e) => set("name", e.target.value)} />
        </Field>
        <Field
          id="new-role"
          label="Role"
          hint={values.role ? `A ${ROLE_OPTIONS.find((o) => o.value === values.role)?.label.toLowerCase()} ${ROLE_OPTIONS.find((o) => o.value === values.role)?.hint}.` : undefined}
          error={errors.role}
          required
        >
          <Select value={values.role} onChange={(e) => set("role", e.target.value as StaffRole | "")}>
            <option value="">Choose a role</option>
            <RoleOptions />
          </Select>
        </Field>
        {values.role === "practitioner" ? (
          <Field
            id="new-practitioner"
            label="Which practitioner"
            hint={
              practitioners.every((p) => p.takenBy !== null)
                ? "Every practitioner already has an account: edit that account instead."
                : "Links the account to their diary."
            }
            error={errors.practitioner}
            required
          >
            <Select value={values.practitioner} onChange={(e) => set("practitioner", e.target.value)}>
              <option value="">Choose a practitioner</option>
              <PractitionerOptions practitioners={practitioners} />
            </Select>
          </Field>
        ) : null}
        <Field
          id="new-password"
          label="First password"
          hint="12 characters to 72 bytes (accents and emoji count as 2 to 4). Give it to them in person or by phone, not by email."
          error={errors.password}
          required
          className="md:col-span-2 md:max-w-[calc(50%-0.625rem)]"
        >
          <AdminPasswordInput value={values.password} onChange={(e) => set("password", e.target.value)} />
        </Field>
      </div>
      <div>
        <Button type="submit" loading={busy}>
          Create account
        </Button>
      </div>
    </form>
  );
}
