import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/roles";
import { listScheduled } from "@/lib/inbox/scheduled";
import { formatDateTime } from "@/lib/text/format";
import { RefreshOn } from "@/components/live/live-events";
import { Clock } from "@/components/ui/icons/clock";

/** Above a thread: how many messages wait to be sent in it, the next one's time, and the way to them. */
export async function ScheduledBanner({
  user,
  conversationId,
  timeZone,
}: {
  user: SessionUser;
  conversationId: string;
  timeZone: string;
}) {
  const [t, locale, rows] = await Promise.all([getTranslations(), getLocale(), listScheduled(user, conversationId)]);
  const waiting = rows.filter((r) => r.status !== "FAILED");
  const failed = rows.length - waiting.length;
  return (
    <>
      <RefreshOn types={["scheduled.changed"]} />
      {rows.length ? (
        <div
          className="flex min-h-11 items-center gap-2 border-b border-line bg-surface px-4 text-sm"
          data-testid="scheduled-banner"
        >
          <Clock aria-hidden="true" className="size-4 shrink-0 text-muted" />
          <span className="min-w-0 flex-1 truncate">
            {waiting.length
              ? t("scheduled.inThread", {
                  count: waiting.length,
                  when: formatDateTime(waiting[0]!.sendAt, timeZone, locale),
                })
              : null}
            {failed ? <span className="ml-2 font-medium text-danger">{t("scheduled.failed")}</span> : null}
          </span>
          <Link
            href={`/inbox/scheduled?thread=${encodeURIComponent(conversationId)}`}
            className="inline-flex min-h-11 items-center px-2 font-medium text-accent-ink hover:underline"
          >
            {t("scheduled.see")}
          </Link>
        </div>
      ) : null}
    </>
  );
}
