import { Link } from "@/components/ui/link";
import { ArrowLeft } from "@/components/ui/icons/arrow-left";

/** The way up from a page: an arrow and where it leads, a full 44 px target. */
export function BackLink({
  href,
  className = "",
  children,
}: {
  href: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      className={`-ml-2 inline-flex min-h-11 items-center gap-1.5 rounded-control px-2 text-sm font-medium text-accent-ink hover:bg-slate-100 ${className}`}
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      {children}
    </Link>
  );
}
