"use client";

/**
 * A password box with a Show/Hide button, for the admin setting someone else's password: they
 * need to read back what they typed before telling it to the colleague, but the default stays
 * hidden for anyone looking over their shoulder. Use inside a <Field> (it takes its id from it).
 */
import { useState } from "react";
import { TextInput, type TextInputProps } from "@/components/ui/field";

export function AdminPasswordInput(props: Omit<TextInputProps, "type">) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="flex gap-2">
      <TextInput {...props} type={visible ? "text" : "password"} autoComplete="new-password" spellCheck={false} autoCapitalize="off" />
      <button
        type="button"
        aria-pressed={visible}
        onClick={() => setVisible((v) => !v)}
        className="inline-flex min-h-11 shrink-0 items-center rounded-lg px-3 font-semibold text-brand-700 ring-1 ring-brand-600/50 ring-inset hover:bg-brand-50"
      >
        Show<span className="sr-only"> password</span>
      </button>
    </div>
  );
}
