/** What an empty list says: a quiet icon, one line of what it will hold, and the way to fill it. */
export function EmptyState({
  icon,
  title,
  children,
}: {
  icon?: React.ReactNode;
  title: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-10 text-center text-sm text-muted">
      {icon ? <span className="text-slate-400 [&>svg]:size-8">{icon}</span> : null}
      <p className="font-medium text-ink">{title}</p>
      {children}
    </div>
  );
}
