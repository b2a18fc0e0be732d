import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireStaffPage } from "@/lib/auth/pages";
import { profileForm } from "@/lib/admin/profile";
import { ProfileForm } from "@/components/admin/profile-form";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("people.editProfile") };
}

export default async function EditTeammatePage({ params }: { params: Promise<{ teammateId: string }> }) {
  const [{ teammateId }, user, t] = await Promise.all([params, requireStaffPage(), getTranslations()]);
  const { teammate, departments, skills, tags } = await orNotFound(profileForm(user, teammateId));
  const p = teammate.profile;
  return (
    <div className="max-w-3xl space-y-4 p-4 sm:p-6">
      <BackLink href={`/teammates/${teammate.id}`}>
        {teammate.firstName} {teammate.lastName}
      </BackLink>
      <h1 className="text-xl font-semibold">{t("people.editProfile")}</h1>
      <p className="text-sm text-slate-600">{teammate.email}</p>
      <ProfileForm
        values={{
          userId: teammate.id,
          firstName: teammate.firstName,
          lastName: teammate.lastName,
          phone: teammate.phone ?? "",
          smsConsent: p?.smsConsent ?? false,
          street: p?.street ?? "",
          postcode: p?.postcode ?? "",
          city: p?.city ?? "",
          locale: teammate.locale,
          departmentId: p?.departmentId ?? "",
          groupIds: p?.groups.map((g) => g.id) ?? [],
          skillIds: p?.skills.map((s) => s.id) ?? [],
          tagIds: p?.tags.map((s) => s.id) ?? [],
          waitingList: p?.waitingList ?? false,
          active: p?.active ?? true,
        }}
        departments={departments}
        skills={skills}
        tags={tags}
        locales={[
          { value: "en", label: t("language.en") },
          { value: "fr", label: t("language.fr") },
        ]}
      />
    </div>
  );
}
