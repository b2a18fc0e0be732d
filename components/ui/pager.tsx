import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/**
 * Previous / "Page 2 of 9" / Next for a list whose filters live in the URL: the same
 * query with another page (page 1 and empty values left out, and `defaults` values too).
 */
export async function Pager({
  path,
  query,
  page,
  pages,
  defaults = {},
}: {
  path: string;
  query: Record<string, string | number | undefined>;
  page: number;
  pages: number;
  defaults?: Record<string, string>;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations();
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries<string | number | undefined>({ ...query, page: p > 1 ? p : undefined }))
      if (v !== undefined && v !== "" && defaults[k] !== String(v)) q.set(k, String(v));
    return `${path}${q.size ? `?${q}` : ""}`;
  };
  return (
    <nav aria-label={t("people.pages")} className="mt-3 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="inline-flex min-h-11 items-center underline">
          ← {t("people.previous")}
        </Link>
      ) : null}
      <span>{t("people.pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className="inline-flex min-h-11 items-center underline">
          {t("people.next")} →
        </Link>
      ) : null}
    </nav>
  );
}
