const TONES = {
  info: "border-line bg-surface text-ink",
  success: "border-transparent bg-success-soft text-success-ink",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  danger: "border-transparent bg-danger-soft text-red-800",
} as const;

/** A line of state above a screen or a form: what is true now, and what to do about it. */
export function Banner({
  tone = "info",
  role,
  className = "",
  children,
}: {
  tone?: keyof typeof TONES;
  role?: "status" | "alert";
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div role={role} className={`rounded-control border px-3 py-2 text-sm ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}
