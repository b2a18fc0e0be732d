import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";
import { Avatar } from "@/components/ui/avatar";
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
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 items-center gap-3">
          <Avatar name={`${t.firstName} ${t.lastName}`} />
          <div className="min-w-0">
            <h1 className="text-xl font-semibold">
              {t.firstName} {t.lastName}
            </h1>
            <p className="text-sm break-words text-muted">
              {t.email}
              {t.phone ? ` · ${t.phone}` : ""}
              {p?.smsConsent && t.phone ? ` · ${tr("teammates.smsConsent")}` : ""}
            </p>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/teammates/${t.id}/edit`} className={buttonClass("secondary")}>
            {tr("people.editProfile")}
          </Link>
          {user.role === "ADMIN" ? (
            <Link href={`/people/${t.id}`} className={buttonClass("secondary")}>
              {tr("people.access")}
            </Link>
          ) : null}
          {t.inboxThread && user.messagingAccess ? (
            <Link href={`/inbox/${t.inboxThread.id}`} className={buttonClass("primary")}>
              {tr("teammates.message")}
            </Link>
          ) : null}
        </div>
      </div>
      <section className="grid gap-2 rounded-card border border-line bg-surface p-4 text-sm sm:grid-cols-2">
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
      <section className="rounded-card border border-line bg-surface p-4">
        <h2 className="mb-2 font-medium">{tr("teammates.upcoming")}</h2>
        {t.assignments.length === 0 ? <p className="text-sm text-slate-500">{tr("teammates.none")}</p> : null}
        <ul className="space-y-1 text-sm" data-testid="upcoming-assignments">
          {t.assignments.map(({ shift: s }) => (
            <li key={s.id}>
              <Link href={`/schedule/shifts/${s.id}`} className="inline-flex min-h-11 items-center hover:underline">
                {formatShiftTime(s.startsAt, s.endsAt, tz, locale)} · {s.activity.name}
              </Link>{" "}
              <span className="text-slate-500">· {s.place}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-3 rounded-card border border-line bg-surface p-4">
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
                <summary className="flex min-h-11 cursor-pointer items-center text-sm text-accent-ink">
                  {tr("teammates.edit")}
                </summary>
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
