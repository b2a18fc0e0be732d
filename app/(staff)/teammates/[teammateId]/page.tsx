import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { teammateDetails } from "@/lib/teammates/queries";
import { utcToLocalInput } from "@/lib/schedule/time";
import { formatDateTime, formatShiftTime } from "@/lib/text/format";
import { RemoveUnavailabilityButton, UnavailabilityForm } from "./unavailability-forms";
import { RefreshOn } from "@/components/live/live-events";

export const metadata: Metadata = { title: "Teammate" };

export default async function TeammatePage({ params }: { params: Promise<{ teammateId: string }> }) {
  const { teammateId } = await params;
  const user = await requireStaffPage();
  const org = await getOrganization(user);
  const t = await orNotFound(teammateDetails(user, teammateId));
  const p = t.profile;
  const tz = org.timeZone;
  return (
    <main className="max-w-4xl space-y-6 p-6">
      <RefreshOn types={["schedule.changed"]} />
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">
            {t.firstName} {t.lastName}
          </h1>
          <p className="text-slate-600">
            {t.email}
            {t.phone ? ` · ${t.phone}` : ""}
            {p?.smsConsent && t.phone ? " · SMS consent" : ""}
          </p>
        </div>
        {t.inboxThread ? (
          <Link href={`/inbox/${t.inboxThread.id}`} className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white">
            Message
          </Link>
        ) : null}
      </div>
      <section className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <p>
          <span className="text-slate-500">Department:</span> {p?.department?.name ?? (p?.waitingList ? "Waiting list" : "—")}
        </p>
        <p>
          <span className="text-slate-500">Groups:</span> {p?.groups.map((g) => g.name).join(", ") || "—"}
        </p>
        <p>
          <span className="text-slate-500">Skills:</span> {p?.skills.map((s) => s.name).join(", ") || "—"}
        </p>
        <p>
          <span className="text-slate-500">Tags:</span> {p?.tags.map((s) => s.name).join(", ") || "—"}
        </p>
        <p className="sm:col-span-2">
          <span className="text-slate-500">Address:</span> {[p?.street, p?.postcode, p?.city].filter(Boolean).join(", ") || "—"}
        </p>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-medium">Upcoming assignments</h2>
        {t.assignments.length === 0 ? <p className="text-sm text-slate-500">None.</p> : null}
        <ul className="space-y-1 text-sm" data-testid="upcoming-assignments">
          {t.assignments.map(({ shift: s }) => (
            <li key={s.id}>
              <Link href={`/schedule/shifts/${s.id}`} className="hover:underline">
                {formatShiftTime(s.startsAt, s.endsAt, tz)} · {s.activity.name}
              </Link>{" "}
              <span className="text-slate-500">· {s.place}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">Unavailability periods</h2>
        {t.unavailability.length === 0 ? <p className="text-sm text-slate-500">None.</p> : null}
        <ul className="space-y-3" data-testid="unavailability">
          {t.unavailability.map((u) => (
            <li key={u.id} className="text-sm">
              <p>
                {formatDateTime(u.startsAt, tz)} – {formatDateTime(u.endsAt, tz)}
                {u.reason ? ` · ${u.reason}` : ""} <RemoveUnavailabilityButton id={u.id} />
              </p>
              <details>
                <summary className="cursor-pointer text-xs text-teal-800">Edit</summary>
                <UnavailabilityForm
                  userId={t.id}
                  period={{ id: u.id, startsAt: utcToLocalInput(u.startsAt, tz), endsAt: utcToLocalInput(u.endsAt, tz), reason: u.reason ?? "" }}
                />
              </details>
            </li>
          ))}
        </ul>
        <UnavailabilityForm userId={t.id} />
      </section>
    </main>
  );
}
