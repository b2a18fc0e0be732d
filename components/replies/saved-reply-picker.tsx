"use client";

import { InsertPicker } from "@/components/thread/insert-picker";
import { fillReply, replyBodyFor, type ReplyValues } from "@/lib/conversations/reply-variables";
import type { SavedReplyRow } from "@/lib/replies/queries";
import { Zap } from "@/components/ui/icons/zap";
import { useTranslations } from "@/lib/i18n/client";

/**
 * The reply box's saved replies ("/" or the button): a choice is filled from the thread
 * (`values`, in the teammate's language `locale`). A variable the thread has no value for
 * stays, flagged: the box will not send it.
 */
export function SavedReplyPicker({
  replies,
  values,
  locale,
}: {
  replies: Pick<SavedReplyRow, "id" | "title" | "bodyEn" | "bodyFr">[];
  values: ReplyValues;
  locale: string;
}) {
  const t = useTranslations();
  return (
    <InsertPicker
      testId="saved-reply-picker"
      icon={<Zap aria-hidden="true" className="size-5" />}
      label={t("replies.open")}
      searchLabel={t("replies.search")}
      noMatch={t("replies.noMatch")}
      manage={{ href: "/settings/replies", label: t("replies.manage") }}
      items={replies.map((r) => {
        const { text, missing } = fillReply(replyBodyFor(r, locale), values);
        return {
          id: r.id,
          title: r.title,
          detail: text,
          text,
          warning: missing.length
            ? t("replies.missing", { names: missing.map((m) => `{{${m}}}`).join(", ") })
            : undefined,
        };
      })}
    />
  );
}
