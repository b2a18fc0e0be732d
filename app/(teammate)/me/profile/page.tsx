import type { Metadata } from "next";
import { requireTeammatePage } from "@/lib/auth/pages";
import { SignOutButton } from "@/components/sign-out-button";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireTeammatePage();
  return (
    <>
      <header className="border-b border-slate-200 px-4 py-3">
        <h1 className="text-lg font-semibold">Profile</h1>
      </header>
      <div className="space-y-4 p-4">
        <div>
          <p className="font-medium" data-testid="current-user">
            {user.firstName} {user.lastName}
          </p>
          <p className="text-sm text-slate-600">{user.email}</p>
        </div>
        <SignOutButton />
        <SignOutButton everywhere />
      </div>
    </>
  );
}
