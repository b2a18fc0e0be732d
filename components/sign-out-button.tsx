import { signOutAction, signOutEverywhereAction } from "@/lib/auth/actions";
import { ActionButton } from "@/components/ui/action-button";

const LOOK = "text-sm text-slate-600 underline-offset-2 hover:underline";

export function SignOutButton({ className = "", everywhere = false }: { className?: string; everywhere?: boolean }) {
  return everywhere ? (
    <ActionButton action={signOutEverywhereAction} fields={{}} label="Sign out on every device" className={`${LOOK} ${className}`} />
  ) : (
    <ActionButton action={signOutAction} fields={{}} label="Sign out" className={`${LOOK} ${className}`} />
  );
}
