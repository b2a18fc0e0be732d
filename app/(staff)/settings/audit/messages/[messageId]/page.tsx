import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireAdminPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { messageHistory } from "@/lib/conversations/history";
import { conversationUrl } from "@/lib/conversations/paths";
import { formatDateTime } from "@/lib/text/format";
import { BackLink } from "@/components/ui/back-link";
import { MessageText } from "@/components/thread/message-text";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("messageHistory.title") };
}

const CHANGE_KEYS = {
  sent: "messageHistory.sent",
  edited: "messageHistory.edited",
  deleted: "messageHistory.deleted",
} as const;

/** Every version of one message, with who changed it and when: admins only. */
export default async function MessageHistoryPage({ params }: { params: Promise<{ messageId: string }> }) {
  const [{ messageId }, admin] = await Promise.all([params, requireAdminPage()]);
  const [t, locale, org, history] = await Promise.all([
    getTranslations(),
    getLocale(),
    getOrganization(admin),
    messageHistory(admin, decodeURIComponent(messageId)),
  ]);
  const c = history.conversation;
  const last = history.entries.length - 1;
  return (
    <div className="max-w-3xl space-y-4 p-4 sm:p-6">
      <BackLink href="/settings/audit?category=messaging">{t("audit.title")}</BackLink>
      <h1 className="text-xl font-semibold">{t("messageHistory.title")}</h1>
      <p className="text-sm text-muted">{t("messageHistory.intro")}</p>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          {c.kind === "INBOX"
            ? t("messageHistory.inThread", { name: c.name })
            : t("messageHistory.inChat", { name: c.name })}
        </span>
        <Link href={conversationUrl(c.kind, c.id, true)} className={buttonClass("secondary", "sm")}>
          {t("messageHistory.open")}
        </Link>
      </div>
      <ol className="space-y-3" data-testid="message-history">
        {history.entries.map((e, i) => (
          <li key={i} className="rounded-card border border-line bg-surface p-3" data-testid="history-entry">
            <p className="text-xs text-muted">
              <span className="font-medium text-ink">
                {t(CHANGE_KEYS[e.change], { name: e.by ?? t("messageHistory.someone") })}
              </span>
              {" · "}
              <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, org.timeZone, locale)}</time>
              {i === last && e.change !== "deleted" ? ` · ${t("messageHistory.now")}` : null}
            </p>
            {e.body !== null ? (
              <div className="mt-1 text-sm">
                {e.body ? (
                  <MessageText text={e.body} />
                ) : (
                  <span className="text-muted">{t("messageHistory.noWords")}</span>
                )}
              </div>
            ) : null}
            {e.files.length ? (
              <p className="mt-1 text-xs text-muted">{t("messageHistory.files", { names: e.files.join(", ") })}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
