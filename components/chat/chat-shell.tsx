import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/roles";
import { EmptyState } from "@/components/ui/empty-state";
import { TwoPanes } from "@/components/ui/two-panes";
import { MessagesSquare } from "@/components/ui/icons/messages-square";
import { ChatHome } from "./chat-home";

/**
 * Chat as the inbox is laid out: the conversations on the left, the open one (or a new
 * one being started) on the right. Below 768 px they are two screens: the list, or the
 * conversation with its way back.
 */
export async function ChatShell({
  user,
  base,
  timeZone,
  q,
  children,
}: {
  user: SessionUser;
  base: string;
  timeZone: string;
  q?: string;
  /** What the right pane shows; without it, the list is the page on a phone. */
  children?: React.ReactNode;
}) {
  const t = await getTranslations();
  const open = children !== undefined;
  return (
    <TwoPanes
      label={t("chat.conversations")}
      open={open}
      listClassName="overflow-y-auto"
      list={<ChatHome user={user} base={base} timeZone={timeZone} q={q} />}
    >
      {children ?? (
        <div className="flex flex-1 items-center justify-center">
          <EmptyState icon={<MessagesSquare aria-hidden="true" />} title={t("chat.pickOne")} />
        </div>
      )}
    </TwoPanes>
  );
}
