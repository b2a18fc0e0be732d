import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { teammateDetails } from "@/lib/teammates/queries";
import { utcToLocalInput } from "@/lib/text/time";
import { formatDateTime, formatShiftTime } from "@/lib/text/format";
import { RemoveUnavailabilityButton, UnavailabilityForm } from "./unavailability-forms";
import { RefreshOn } from "@/components/live/live-events";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("teammates.teammate") };
}

export default async function TeammatePage({ params }: { params: Promise<{ teammateId: string }> }) {
  const { teammateId } = await params;
  const user = await requireStaffPage();
  const [org, tr] = await Promise.all([getOrganization(user), getTranslations()]);
  const locale = await getLocale();
  const t = await orNotFound(teammateDetails(user, teammateId));
  const p = t.profile;
  const tz = org.timeZone;
  return (
    <div className="max-w-4xl space-y-6 p-4 sm:p-6">
      <RefreshOn types={["schedule.changed"]} />
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">
            {t.firstName} {t.lastName}
          </h1>
          <p className="text-slate-600">
            {t.email}
            {t.phone ? ` · ${t.phone}` : ""}
            {p?.smsConsent && t.phone ? ` · ${tr("teammates.smsConsent")}` : ""}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap justify-end gap-2">
          <Link
            href={`/teammates/${t.id}/edit`}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            {tr("people.editProfile")}
          </Link>
          {user.role === "ADMIN" ? (
            <Link
              href={`/people/${t.id}`}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
            >
              {tr("people.access")}
            </Link>
          ) : null}
          {t.inboxThread && user.messagingAccess ? (
            <Link
              href={`/inbox/${t.inboxThread.id}`}
              className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white"
            >
              {tr("teammates.message")}
            </Link>
          ) : null}
        </div>
      </div>
      <section className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <p>
          <span className="text-slate-500">{tr("teammates.departmentLabel")}</span>{" "}
          {p?.department?.name ?? (p?.waitingList ? tr("teammates.waitingList") : "—")}
        </p>
        <p>
          <span className="text-slate-500">{tr("teammates.groups")}</span>{" "}
          {p?.groups.map((g) => g.name).join(", ") || "—"}
        </p>
        <p>
          <span className="text-slate-500">{tr("teammates.skillsLabel")}</span>{" "}
          {p?.skills.map((s) => s.name).join(", ") || "—"}
        </p>
        <p>
          <span className="text-slate-500">{tr("teammates.tagsLabel")}</span>{" "}
          {p?.tags.map((s) => s.name).join(", ") || "—"}
        </p>
        <p className="sm:col-span-2">
          <span className="text-slate-500">{tr("teammates.address")}</span>{" "}
          {[p?.street, p?.postcode, p?.city].filter(Boolean).join(", ") || "—"}
        </p>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-medium">{tr("teammates.upcoming")}</h2>
        {t.assignments.length === 0 ? <p className="text-sm text-slate-500">{tr("teammates.none")}</p> : null}
        <ul className="space-y-1 text-sm" data-testid="upcoming-assignments">
          {t.assignments.map(({ shift: s }) => (
            <li key={s.id}>
              <Link href={`/schedule/shifts/${s.id}`} className="hover:underline">
                {formatShiftTime(s.startsAt, s.endsAt, tz, locale)} · {s.activity.name}
              </Link>{" "}
              <span className="text-slate-500">· {s.place}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">{tr("teammates.unavailability")}</h2>
        {t.unavailability.length === 0 ? <p className="text-sm text-slate-500">{tr("teammates.none")}</p> : null}
        <ul className="space-y-3" data-testid="unavailability">
          {t.unavailability.map((u) => (
            <li key={u.id} className="text-sm">
              <p>
                {formatDateTime(u.startsAt, tz, locale)} – {formatDateTime(u.endsAt, tz, locale)}
                {u.reason ? ` · ${u.reason}` : ""} <RemoveUnavailabilityButton id={u.id} />
              </p>
              <details>
                <summary className="cursor-pointer text-xs text-teal-800">{tr("teammates.edit")}</summary>
                <UnavailabilityForm
                  userId={t.id}
                  period={{
                    id: u.id,
                    startsAt: utcToLocalInput(u.startsAt, tz),
                    endsAt: utcToLocalInput(u.endsAt, tz),
                    reason: u.reason ?? "",
                  }}
                />
              </details>
            </li>
          ))}
        </ul>
        <UnavailabilityForm userId={t.id} />
      </section>
    </div>
  );
}
