"use client";

/**
 * Staff sign-in form (email + password) for next-auth's credentials provider.
 * Failure messages never say which half was wrong, or whether the account exists or is disabled:
 * that would tell an attacker which staff emails are real.
 */
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { SIGN_IN_FAILED_TEXT, SIGN_IN_RATE_LIMITED_TEXT } from "./sign-in-callback";

const SIGN_IN_UNREACHABLE = "We could not reach the server. Check your connection and try again.";

type FieldErrors = { email?: string; password?: string };

export function SignInForm({ callbackUrl, initialError = null }: { callbackUrl: string; initialError?: string | null }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");

    const missing: FieldErrors = {};
    if (!email) missing.email = "Enter your email address.";
    if (!password) missing.password = "Enter your password.";
    setFieldErrors(missing);
    if (missing.email || missing.password) {
      setError(null);
      (missing.email ? emailRef : passwordRef).current?.focus();
      return;
    }

    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
      if (result?.ok && !result.error) {
        // The staff layout is shared with this page and would otherwise keep its signed-out render
        // (no navigation bar); refresh makes the server render it again with the new session.
        router.push(callbackUrl);
        router.refresh();
        return; // stay busy until the next page replaces this one
      }
      setError(result?.error && /too many/i.test(result.error) ? SIGN_IN_RATE_LIMITED_TEXT : SIGN_IN_FAILED_TEXT);
    } catch {
      setError(SIGN_IN_UNREACHABLE);
    }
    setBusy(false);
    // Clear the password so the next attempt starts clean, and put the cursor back in it.
    if (passwordRef.current) {
      passwordRef.current.value = "";
      passwordRef.current.focus();
    }
  }

  return (
    // method="post": if someone submits before the script has loaded, the browser's own submission
    // must not put the password in the URL (history, server logs).
    <form method="post" noValidate onSubmit={handleSubmit} aria-describedby={error ? "sign-in-error" : undefined} className="flex flex-col gap-5">
      {error ? (
        <Alert id="sign-in-error" tone="error" title="You are not signed in">
          {error}
        </Alert>
      ) : null}
      <Field id="staff-email" label="Email address" error={fieldErrors.email}>
        <TextInput
          ref={emailRef}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
      </Field>
      <Field id="staff-password" label="Password" error={fieldErrors.password}>
        <TextInput ref={passwordRef} type="password" name="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" size="lg" fullWidth loading={busy}>
        Sign in
      </Button>
    </form>
  );
}
