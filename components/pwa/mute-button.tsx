import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/roles";
import { setMutedAction } from "@/lib/push/actions";
import { isMuted } from "@/lib/push/settings";
import { ActionButton } from "@/components/ui/action-button";

/** Mute or unmute one conversation's notifications for this user (it still counts as unread). */
export async function MuteButton({
  user,
  conversationId,
  className,
  wide,
}: {
  user: SessionUser;
  conversationId: string;
  className: string;
  wide?: boolean;
}) {
  const [t, muted] = await Promise.all([getTranslations(), isMuted(user, conversationId)]);
  return (
    <ActionButton
      action={setMutedAction}
      fields={{ conversationId, muted: muted ? "false" : "true" }}
      label={t(muted ? "push.unmute" : "push.mute")}
      className={className}
      wide={wide}
    />
  );
}
