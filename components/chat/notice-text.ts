import type { ChatNotice } from "@/lib/realtime/event-types";

type T = (key: string, values?: Record<string, string | number>) => string;

/** A chat notice in the reader's language ("Tess One left"). Keys spelled in full for the catalogue check. */
export function noticeText(n: ChatNotice, t: T, locale: string): string {
  const names = new Intl.ListFormat(locale, { type: "conjunction" }).format(n.names ?? []);
  switch (n.key) {
    case "left":
      return t("chat.notice.left", { actor: n.actor });
    case "added":
      return t("chat.notice.added", { actor: n.actor, names });
    case "joined":
      return t("chat.notice.joined", { actor: n.actor });
  }
}
