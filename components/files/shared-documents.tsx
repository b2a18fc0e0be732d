import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SharedKind, SharedPage } from "@/lib/inbox/shared-files";
import { formatBytes, formatDateTime } from "@/lib/text/format";
import { fileUrl } from "./file-url";
import { FileIcon } from "./file-icon";

/**
 * Every file shared in a conversation, newest first: thumbnail or icon, name, who
 * shared it, when and its size. Filters and paging are links, so it works without
 * JavaScript. `compact`: the thread's side panel, with a link to the whole list.
 */
export async function SharedDocuments({
  page,
  kind,
  timeZone,
  href,
  compact = false,
}: {
  page: SharedPage;
  kind?: SharedKind;
  timeZone: string;
  /** The full list's address; filters and pages add to it. */
  href: string;
  compact?: boolean;
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  const filter = (k?: SharedKind) => `${href}${k ? `?kind=${k}` : ""}`;
  const Heading = compact ? "h2" : "h1";
  return (
    <section aria-labelledby="shared-heading" className="flex flex-col gap-2 p-3" data-testid="shared-documents">
      {/* A page of its own (not the panel beside a thread): its title is the page's h1. */}
      <Heading id="shared-heading" className={compact ? "text-base font-semibold" : "text-lg font-semibold"}>
        {t("files.shared")}
      </Heading>
      {compact ? null : (
        <nav aria-label={t("files.shared")} className="flex gap-2 text-sm">
          {([undefined, "image", "document"] as const).map((k) => (
            <Link
              key={k ?? "all"}
              href={filter(k)}
              aria-current={kind === k ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-full border border-line px-3 aria-[current=page]:border-accent aria-[current=page]:bg-accent-soft aria-[current=page]:font-semibold"
            >
              {k === "image" ? t("files.images") : k === "document" ? t("files.documents") : t("files.all")}
            </Link>
          ))}
        </nav>
      )}
      {page.files.length === 0 ? <p className="text-sm text-slate-600">{t("files.noneShared")}</p> : null}
      <ul className="flex flex-col gap-1">
        {page.files.map((f) => (
          <li key={f.id}>
            <a
              href={fileUrl(f.id)}
              {...(f.mimeType.startsWith("image/") ? { target: "_blank", rel: "noopener" } : { download: f.name })}
              className="flex min-h-11 items-center gap-2 rounded-control px-1 py-1 hover:bg-slate-100"
              data-testid="shared-file"
            >
              {f.mimeType.startsWith("image/") ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img
                  src={fileUrl(f.id, { thumb: true })}
                  alt=""
                  width={40}
                  height={40}
                  loading="lazy"
                  className="h-10 w-10 shrink-0 rounded object-cover"
                />
              ) : (
                <FileIcon mimeType={f.mimeType} />
              )}
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium">{f.name}</span>
                <span className="block truncate text-xs text-slate-600">
                  {t("files.sharedBy", { name: f.sharedBy, date: formatDateTime(f.sharedAt, timeZone, locale) })} ·{" "}
                  {formatBytes(f.size, locale)}
                </span>
              </span>
            </a>
          </li>
        ))}
      </ul>
      {page.next ? (
        <Link
          href={compact ? href : `${href}?${new URLSearchParams({ ...(kind ? { kind } : {}), before: page.next })}`}
          className="text-sm font-medium text-teal-800 underline"
        >
          {compact ? t("files.seeAll") : t("files.older")}
        </Link>
      ) : null}
    </section>
  );
}
