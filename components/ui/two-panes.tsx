/**
 * A list beside what is open from it (docs/design.md, "Two panes"): side by side from
 * 768 px; on a phone two screens, the list or, once something is `open`, that alone.
 */
export function TwoPanes({
  label,
  open,
  list,
  listClassName = "",
  children,
}: {
  label: string;
  open: boolean;
  list: React.ReactNode;
  listClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex h-full">
      <section
        aria-label={label}
        className={`${open ? "hidden md:flex" : "flex"} w-full shrink-0 flex-col border-r border-line bg-surface md:w-80 ${listClassName}`}
      >
        {list}
      </section>
      <div className={`${open ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col`}>{children}</div>
    </div>
  );
}
