/**
 * Buttons and button-styled links.
 *
 *   <Button variant="primary" size="md" loading={pending} type="submit">Request booking</Button>
 *   <ButtonLink href="/book" variant="primary" size="lg">Book a free consultation</ButtonLink>
 *
 * variant: "primary" (default) | "secondary" | "danger" | "ghost"
 * size:    "md" (default, 44px tall) | "lg" (52px) | "sm" (40px, dense staff tables only)
 * fullWidth: stretch to the container (handy for the main action on a phone).
 * loading (Button only): shows a spinner, sets aria-busy and disables the button so a form cannot
 *   be submitted twice. The visible label stays, so screen readers still know what is pending.
 * Button keeps the native <button> default type ("submit" inside a form); pass type="button"
 * for actions that must not submit. All other <button> / <Link> props (ref too) pass through.
 * className is appended. It cannot reliably override a utility the button already sets (display,
 *   padding, min-height, colours): use Tailwind's important suffix (`px-3!`) or a wrapper element.
 * buttonClasses({ variant, size, fullWidth }) returns the class string for anything else that
 * must look like a button (e.g. a plain <a href="tel:...">).
 *
 * Server-safe (no hooks).
 */
import Link from "next/link";
import type { ComponentProps } from "react";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md" | "lg";

type StyleProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
};

// Outline is left out of the transition so the focus ring appears at once, in its own colour.
const base =
  "inline-flex items-center justify-center gap-2 rounded-xl font-semibold leading-tight text-center " +
  "no-underline transition-[color,background-color,box-shadow] duration-150 select-none " +
  "disabled:cursor-not-allowed disabled:opacity-60 aria-busy:cursor-progress aria-busy:opacity-85";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-brand-700 text-white shadow-sm hover:bg-brand-800 active:bg-brand-900 disabled:hover:bg-brand-700",
  secondary:
    "bg-white text-brand-800 shadow-sm ring-1 ring-inset ring-brand-600/50 hover:bg-brand-50 hover:ring-brand-700 active:bg-brand-100 disabled:hover:bg-white",
  danger: "bg-red-700 text-white shadow-sm hover:bg-red-800 active:bg-red-900 disabled:hover:bg-red-700",
  ghost: "bg-transparent text-brand-700 hover:bg-brand-50 hover:text-brand-900 active:bg-brand-100",
};

const sizes: Record<ButtonSize, string> = {
  sm: "min-h-10 px-4 py-2 text-sm",
  md: "min-h-11 px-5 py-2.5 text-base",
  lg: "min-h-13 px-7 py-3 text-lg",
};

export function buttonClasses({ variant = "primary", size = "md", fullWidth = false }: StyleProps = {}): string {
  return `${base} ${variants[variant]} ${sizes[size]} ${fullWidth ? "w-full" : ""}`;
}

export type ButtonProps = ComponentProps<"button"> &
  StyleProps & {
    loading?: boolean;
  };

export function Button({
  variant,
  size,
  fullWidth,
  loading = false,
  disabled,
  className = "",
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={`${buttonClasses({ variant, size, fullWidth })} ${className}`}
    >
      {loading ? <Spinner /> : null}
      {children}
    </button>
  );
}

export type ButtonLinkProps = ComponentProps<typeof Link> & StyleProps;

export function ButtonLink({ variant, size, fullWidth, className = "", children, ...rest }: ButtonLinkProps) {
  return (
    <Link {...rest} className={`${buttonClasses({ variant, size, fullWidth })} ${className}`}>
      {children}
    </Link>
  );
}
