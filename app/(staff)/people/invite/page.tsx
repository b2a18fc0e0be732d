import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/pages";
import { listDepartments } from "@/lib/org/queries";
import { InviteForm } from "@/components/admin/invite-form";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("people.invite") };
}

/** Invite someone by e-mail: they get a link to choose their password. */
export default async function InvitePage() {
  const user = await requireStaffPage();
  const [t, departments] = await Promise.all([getTranslations(), listDepartments(user)]);
  return (
    <div className="max-w-lg space-y-4 p-4 sm:p-6">
      <BackLink href="/teammates">{t("teammates.title")}</BackLink>
      <h1 className="text-xl font-semibold">{t("people.invite")}</h1>
      <p className="text-sm text-slate-600">
        {user.role === "ADMIN" ? t("people.inviteHelpAdmin") : t("people.inviteHelpManager")}
      </p>
      <InviteForm
        admin={user.role === "ADMIN"}
        departments={departments}
        locales={[
          { value: "en", label: t("language.en") },
          { value: "fr", label: t("language.fr") },
        ]}
      />
    </div>
  );
}
