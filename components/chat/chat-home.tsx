import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { listChats, searchChats } from "@/lib/chat/queries";
import { formatDateTime } from "@/lib/text/format";
import { ChatList } from "./chat-list";
import { SnippetText } from "@/components/search/snippet-text";

/**
 * The conversations and what starts one: "New private conversation" for everyone,
 * "New public conversation" for staff. A search finds messages by their words in
 * the conversations the user can see.
 */
export async function ChatHome({
  user,
  base,
  timeZone,
  q,
}: {
  user: SessionUser;
  base: string;
  timeZone: string;
  q?: string;
}) {
  const [t, locale, { rows, others, left }] = await Promise.all([getTranslations(), getLocale(), listChats(user)]);
  const hits = q ? await searchChats(user, q) : null;
  const link = "inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium";
  return (
    <div className="flex flex-col">
      <div className="space-y-3 border-b border-slate-200 p-3">
        <h1 className="text-xl font-semibold">{t("nav.chat")}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/new`} className={`${link} bg-accent text-on-accent hover:bg-accent-strong`}>
            {t("chat.newPrivate")}
          </Link>
          {isStaff(user.role) ? (
            <Link href={`${base}/new?kind=public`} className={`${link} border border-slate-300 hover:bg-slate-100`}>
              {t("chat.newPublic")}
            </Link>
          ) : null}
        </div>
        <form method="get" action={base} role="search" className="flex gap-2">
          <input
            type="search"
            name="q"
            defaultValue={q}
            maxLength={100}
            placeholder={t("chat.search")}
            aria-label={t("chat.search")}
            className="min-h-11 min-w-0 flex-1 rounded-control border border-line px-3 text-sm"
          />
          <button
            type="submit"
            className="min-h-11 rounded-control border border-line bg-surface px-3 text-sm font-medium text-ink hover:bg-slate-100"
          >
            {t("chat.searchButton")}
          </button>
        </form>
      </div>
      {hits ? (
        <section aria-label={t("chat.results")} className="border-b border-slate-200">
          <h2 className="px-3 pt-3 text-sm font-semibold">
            {t("chat.resultsFor", { q: q ?? "", count: hits.length })}
          </h2>
          <ul className="divide-y divide-slate-100">
            {hits.map((h) => (
              <li key={h.messageId}>
                <Link
                  href={`${base}/${encodeURIComponent(h.conversationId)}?${new URLSearchParams({ q: q ?? "", at: String(h.seq) })}`}
                  className="block px-3 py-2 hover:bg-slate-50"
                  data-testid="chat-hit"
                >
                  <span className="block text-xs text-slate-500">
                    {h.title} · {h.authorName ?? t("thread.systemAuthor")} ·{" "}
                    {formatDateTime(h.createdAt, timeZone, locale)}
                  </span>
                  <SnippetText parts={h.parts} className="line-clamp-2 text-sm" />
                </Link>
              </li>
            ))}
          </ul>
          <Link href={base} className="block px-3 py-2 text-sm text-teal-800 underline-offset-2 hover:underline">
            {t("chat.clearSearch")}
          </Link>
        </section>
      ) : null}
      {rows.length === 0 && others.length === 0 ? (
        <p className="p-4 text-sm text-slate-600">{t("chat.empty")}</p>
      ) : null}
      <ChatList rows={rows} base={base} selfId={user.id} timeZone={timeZone} label={t("chat.conversations")} />
      {left.length ? (
        <details className="border-t border-slate-200">
          <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-semibold text-slate-700">
            {t("chat.youLeftThese", { count: left.length })}
          </summary>
          <ul className="divide-y divide-slate-100">
            {left.map((r) => (
              <li key={r.id}>
                <Link
                  href={`${base}/${encodeURIComponent(r.id)}`}
                  className="flex min-h-11 items-center gap-2 px-3 text-sm hover:bg-slate-50"
                  data-testid="left-row"
                >
                  <span className="truncate">{r.title}</span>
                  {r.departmentName ? <span className="text-xs text-slate-500">· {r.departmentName}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {others.length ? (
        <section className="border-t border-slate-200">
          <h2 className="px-3 pt-3 text-sm font-semibold text-slate-700">{t("chat.otherPublic")}</h2>
          <ChatList
            rows={others}
            base={base}
            selfId={user.id}
            timeZone={timeZone}
            label={t("chat.otherPublic")}
            main={false}
          />
        </section>
      ) : null}
    </div>
  );
}
