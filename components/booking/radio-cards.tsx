"use client";

/**
 * Big tappable radio options (at least 44px high, ringed when chosen), shared by the practitioner
 * choice when rescheduling (patient and staff) and the staff forms' either/or choices so they look
 * and behave alike. Renders only the options: the caller wraps them in its fieldset or radiogroup.
 */
export type RadioCardOption<V extends string> = { value: V; label: string };

export function RadioCards<V extends string>({
  name,
  options,
  value,
  onChange,
}: {
  name: string;
  options: readonly RadioCardOption<V>[];
  value: string;
  onChange: (value: V) => void;
}) {
  return (
    <>
      {options.map((option) => (
        <label
          key={option.value}
          className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border bg-white px-4 py-2 has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-(--focus-ring) ${
            value === option.value ? "border-brand-700 ring-2 ring-brand-700" : "border-sand-300 hover:border-brand-400"
          }`}
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            className="size-5 accent-brand-700 focus-visible:outline-none"
          />
          <span className="font-semibold">{option.label}</span>
        </label>
      ))}
    </>
  );
}
