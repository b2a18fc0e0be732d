"use client";

import Link from "next/link";
import { useContext, useEffect, useId, useRef, useState } from "react";
import { ComposerToolsContext } from "@/components/thread/composer-context";
import { fillReply, replyBodyFor, type ReplyValues } from "@/lib/conversations/reply-variables";
import type { SavedReplyRow } from "@/lib/replies/queries";
import { Zap } from "@/components/ui/icons";
import { useTranslations } from "@/lib/i18n/client";

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The reply box's saved replies: a button, or "/" typed at the start of a word, opens a
 * searchable list; a choice is filled from the thread (`values`, in the teammate's language
 * `locale`) and inserted at the cursor. A variable the thread has no value for stays, flagged:
 * the box will not send it.
 */
export function SavedReplyPicker({
  replies,
  values,
  locale,
}: {
  replies: Pick<SavedReplyRow, "id" | "title" | "bodyEn" | "bodyFr" | "shared">[];
  values: ReplyValues;
  locale: string;
}) {
  const t = useTranslations();
  const tools = useContext(ComposerToolsContext);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const listId = useId();
  const slashOpen = tools?.slashAt !== null && tools?.slashAt !== undefined;
  const shown = open || slashOpen;
  useEffect(() => {
    if (shown) search.current?.focus();
  }, [shown]);
  if (!tools) return null;
  const q = fold(query.trim());
  const matches = replies.filter((r) => !q || fold(r.title).includes(q) || fold(replyBodyFor(r, locale)).includes(q));
  const close = (choice?: (typeof replies)[number]) => {
    setOpen(false);
    setQuery("");
    setActive(0);
    if (choice) tools.insert(fillReply(replyBodyFor(choice, locale), values).text);
    else tools.dismissSlash();
  };
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={shown}
        aria-haspopup="listbox"
        title={t("replies.open")}
        onClick={() => (shown ? close() : setOpen(true))}
        className="inline-flex size-11 items-center justify-center rounded-control text-muted hover:bg-slate-100 hover:text-ink"
      >
        <Zap aria-hidden="true" className="size-5" />
        <span className="sr-only">{t("replies.open")}</span>
      </button>
      {shown ? (
        <div
          data-testid="saved-reply-picker"
          className="absolute bottom-full left-0 z-30 mb-2 w-[min(22rem,calc(100vw-2rem))] rounded-card border border-line bg-raised p-2 shadow-lg"
        >
          <input
            ref={search}
            type="search"
            value={query}
            aria-label={t("replies.search")}
            placeholder={t("replies.search")}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={matches[active] ? `${listId}-${matches[active].id}` : undefined}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, matches.length - 1));
              else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
              else if (e.key === "Enter") close(matches[active]);
              else if (e.key === "Escape") close();
              else return;
              e.preventDefault();
            }}
            className="block min-h-11 w-full rounded-control border border-line bg-surface px-3 text-sm sm:min-h-9"
          />
          <ul id={listId} role="listbox" aria-label={t("replies.open")} className="mt-1 max-h-64 overflow-y-auto">
            {matches.map((r, i) => {
              const { text, missing } = fillReply(replyBodyFor(r, locale), values);
              return (
                <li
                  key={r.id}
                  id={`${listId}-${r.id}`}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => close(r)}
                  className="cursor-pointer rounded-control px-2 py-1.5 text-sm aria-selected:bg-accent-soft"
                >
                  <span className="block font-medium">{r.title}</span>
                  <span className="block truncate text-xs text-muted">{text}</span>
                  {missing.length ? (
                    <span className="block text-xs text-danger">
                      {t("replies.missing", { names: missing.map((m) => `{{${m}}}`).join(", ") })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {matches.length === 0 ? <p className="px-2 py-1.5 text-sm text-muted">{t("replies.noMatch")}</p> : null}
          <Link href="/settings/replies" className="mt-1 block px-2 py-1.5 text-xs text-accent-ink underline">
            {t("replies.manage")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
