import { Link } from "@/components/ui/link";
import { iconButtonClass } from "./button";

// Its own file: next/link would otherwise come along into every bundle that uses a Button.
/** A square 44 px link showing one icon (a pager's arrows, the way back); `label` as for IconButton. */
export function IconLink({
  href,
  label,
  className = "",
  children,
}: {
  href: string;
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Link href={href} aria-label={label} title={label} className={`${iconButtonClass} ${className}`}>
      {children}
    </Link>
  );
}
