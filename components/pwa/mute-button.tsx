import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/roles";
import { setMutedAction } from "@/lib/push/actions";
import { isMuted } from "@/lib/push/settings";
import { ActionButton } from "@/components/ui/action-button";
import { Bell } from "@/components/ui/icons/bell";
import { BellOff } from "@/components/ui/icons/bell-off";

/** Mute or unmute one conversation's notifications for this user (it still counts as unread). */
export async function MuteButton({
  user,
  conversationId,
  className,
  wide,
  iconOnly = false,
}: {
  user: SessionUser;
  conversationId: string;
  className: string;
  wide?: boolean;
  /** A bell (struck through when muted) instead of the words. */
  iconOnly?: boolean;
}) {
  const [t, muted] = await Promise.all([getTranslations(), isMuted(user, conversationId)]);
  return (
    <ActionButton
      action={setMutedAction}
      fields={{ conversationId, muted: muted ? "false" : "true" }}
      label={t(muted ? "push.unmute" : "push.mute")}
      className={className}
      wide={wide}
      icon={
        iconOnly ? (
          muted ? (
            <BellOff aria-hidden="true" className="size-5" />
          ) : (
            <Bell aria-hidden="true" className="size-5" />
          )
        ) : undefined
      }
    />
  );
}
