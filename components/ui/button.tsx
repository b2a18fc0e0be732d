import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-accent text-on-accent hover:bg-accent-strong aria-disabled:opacity-60 disabled:opacity-60",
  secondary: "border border-line bg-surface text-ink hover:bg-slate-100",
  ghost: "text-ink hover:bg-slate-100",
  danger: "bg-danger text-on-accent hover:opacity-90",
} as const;
const SIZES = { md: "min-h-11 px-3 py-2 text-sm", sm: "min-h-11 px-2.5 text-sm sm:min-h-9" } as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** The button look, for links and form buttons that are not a `<Button>` (docs/design.md). */
export const buttonClass = (variant: ButtonVariant = "primary", size: keyof typeof SIZES = "md") =>
  `inline-flex items-center justify-center gap-2 rounded-control font-medium transition-colors disabled:cursor-not-allowed ${SIZES[size]} ${VARIANTS[variant]}`;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button {...props} className={`${buttonClass(variant)} ${className}`} />;
}

/** The look of a square 44 px control showing one icon, for links and form buttons too. */
export const iconButtonClass =
  "inline-flex size-11 shrink-0 items-center justify-center rounded-control text-muted hover:bg-slate-100 hover:text-ink";

/** A square 44 px button showing one icon; `label` is what it says to a screen reader and on hover. */
export function IconButton({
  label,
  className = "",
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { label: string }) {
  return (
    <button type="button" aria-label={label} title={label} {...props} className={`${iconButtonClass} ${className}`}>
      {children}
    </button>
  );
}
