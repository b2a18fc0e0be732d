import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton({ className = "" }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={`text-sm text-slate-600 underline-offset-2 hover:underline ${className}`}>
        Sign out
      </button>
    </form>
  );
}
