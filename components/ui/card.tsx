/**
 * Card: a plain white panel with a soft border and shadow.
 *
 *   <Card>...</Card>
 *   <Card as="section" aria-labelledby="summary-title" padding="lg" tone="sand">...</Card>
 *
 * as: "div" (default) | "section" | "article" | "aside" | "li"
 * padding: "md" (default, 20px / 24px from sm) | "sm" | "lg" | "none"
 * tone: "white" (default) | "sand" (warm, for secondary panels) | "brand" (pale teal highlight)
 * Other HTML attributes pass through; className is appended.
 *
 * Server-safe (no hooks).
 */
import type { HTMLAttributes } from "react";

type CardProps = HTMLAttributes<HTMLElement> & {
  as?: "div" | "section" | "article" | "aside" | "li";
  padding?: "none" | "sm" | "md" | "lg";
  tone?: "white" | "sand" | "brand";
};

const paddings: Record<NonNullable<CardProps["padding"]>, string> = {
  none: "",
  sm: "p-4",
  md: "p-5 sm:p-6",
  lg: "p-6 sm:p-8",
};

const tones: Record<NonNullable<CardProps["tone"]>, string> = {
  white: "bg-white border-sand-200",
  sand: "bg-sand-100 border-sand-200",
  brand: "bg-brand-50 border-brand-100",
};

export function Card({ as: Tag = "div", padding = "md", tone = "white", className = "", children, ...rest }: CardProps) {
  return (
    <Tag {...rest} className={`rounded-(--radius-card) border shadow-(--shadow-card) ${tones[tone]} ${paddings[padding]} ${className}`}>
      {children}
    </Tag>
  );
}
