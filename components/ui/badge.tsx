/** A count on a navigation entry or a list row. Its label says what is counted to a screen reader. */
export function Badge({ count, label, testId }: { count: number; label: string; testId?: string }) {
  if (!count) return null;
  return (
    <span
      aria-label={label}
      data-testid={testId}
      className="inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-badge px-1.5 text-xs leading-none font-semibold text-on-accent tabular-nums"
    >
      {count > 99 ? "99+" : count}
    </span>
  );
}
