import { signOutAction, signOutEverywhereAction } from "@/lib/auth/actions";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";

const LOOK = "text-sm text-slate-600 underline-offset-2 hover:underline";

export async function SignOutButton({ className = "", everywhere = false }: { className?: string; everywhere?: boolean }) {
  const t = await getTranslations();
  return everywhere ? (
    <ActionButton action={signOutEverywhereAction} fields={{}} label={t("auth.signOutEverywhere")} className={`${LOOK} ${className}`} />
  ) : (
    <ActionButton action={signOutAction} fields={{}} label={t("auth.signOut")} className={`${LOOK} ${className}`} />
  );
}
