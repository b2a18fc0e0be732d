import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/pages";
import { listTeammates } from "@/lib/teammates/queries";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("teammates.title") };
}

export default async function TeammatesPage() {
  const user = await requireStaffPage();
  const [teammates, tr] = await Promise.all([listTeammates(user), getTranslations()]);
  return (
    <div className="p-4 sm:p-6">
      <h1 className="mb-4 text-xl font-semibold">{tr("teammates.title")}</h1>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">{tr("teammates.name")}</th>
              <th className="px-3 py-2 font-medium">{tr("teammates.department")}</th>
              <th className="px-3 py-2 font-medium">{tr("teammates.skills")}</th>
              <th className="px-3 py-2 font-medium">{tr("teammates.tags")}</th>
              <th className="px-3 py-2 font-medium">{tr("teammates.city")}</th>
              <th className="px-3 py-2 font-medium">{tr("teammates.mobile")}</th>
              <th className="px-3 py-2 font-medium">{tr("teammates.sms")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {teammates.map((t) => (
              <tr key={t.id}>
                <td className="px-3 py-2">
                  <Link className="font-medium text-teal-800 hover:underline" href={`/teammates/${t.id}`}>
                    {t.lastName} {t.firstName}
                  </Link>
                  {t.profile?.waitingList ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{tr("teammates.waitingList")}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2">{t.profile?.department?.name ?? "—"}</td>
                <td className="px-3 py-2">{t.profile?.skills.map((s) => s.name).join(", ") || "—"}</td>
                <td className="px-3 py-2">{t.profile?.tags.map((s) => s.name).join(", ") || "—"}</td>
                <td className="px-3 py-2">{t.profile?.city ?? "—"}</td>
                <td className="px-3 py-2">{t.phone ?? "—"}</td>
                <td className="px-3 py-2">{tr(t.phone && t.profile?.smsConsent ? "teammates.yes" : "teammates.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
