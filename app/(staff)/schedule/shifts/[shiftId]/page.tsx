import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { orNotFound, requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { shiftDetails } from "@/lib/schedule/queries";
import { isoDay, weekStart } from "@/lib/text/time";
import { formatDateTime, formatShiftTime } from "@/lib/text/format";
import { shiftActionText } from "@/lib/conversations/shift-action";
import { AssignForm, UnassignButton } from "./assign-forms";
import { RefreshOn } from "@/components/live/live-events";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("schedule.shift") };
}

export default async function ShiftPage({ params }: { params: Promise<{ shiftId: string }> }) {
  const { shiftId } = await params;
  const user = await requireStaffPage();
  const [org, t] = await Promise.all([getOrganization(user), getTranslations()]);
  const locale = await getLocale();
  const shift = await orNotFound(shiftDetails(user, shiftId));
  const assigned = new Set(shift.assignments.map((a) => a.user.id));
  return (
    <div className="max-w-3xl space-y-6 p-4 sm:p-6">
      <RefreshOn types={["schedule.changed"]} />
      <div>
        <BackLink href={`/schedule?week=${isoDay(weekStart(shift.startsAt))}`}>{t("schedule.back")}</BackLink>
        <h1 className="mt-2 text-xl font-semibold">{shift.activity.name}</h1>
        <p className="text-muted">{formatShiftTime(shift.startsAt, shift.endsAt, org.timeZone, locale)}</p>
        <p className="text-muted">
          {shift.place} · {shift.department.name} ·{" "}
          {t("schedule.staffing", { assigned: shift.assignments.length, needed: shift.needed })}
        </p>
      </div>
      <section className="rounded-card border border-line bg-surface p-4">
        <h2 className="mb-2 font-medium">{t("schedule.assigned")}</h2>
        {shift.assignments.length === 0 ? (
          <p className="text-sm text-slate-500">{t("schedule.nobodyIsAssigned")}</p>
        ) : null}
        <ul className="mb-3 space-y-1" data-testid="assigned">
          {shift.assignments.map((a) => (
            <li key={a.user.id} className="flex items-center justify-between text-sm">
              <Link href={`/teammates/${a.user.id}`} className="inline-flex min-h-11 items-center hover:underline">
                {a.user.firstName} {a.user.lastName}
              </Link>
              <UnassignButton shiftId={shift.id} userId={a.user.id} name={`${a.user.firstName} ${a.user.lastName}`} />
            </li>
          ))}
        </ul>
        <AssignForm
          shiftId={shift.id}
          candidates={shift.candidates
            .filter((c) => !assigned.has(c.id))
            .map((c) => ({ id: c.id, name: `${c.lastName} ${c.firstName}` }))}
        />
      </section>
      <section className="rounded-card border border-line bg-surface p-4">
        <h2 className="mb-2 font-medium">{t("schedule.questions")}</h2>
        {shift.messages.length === 0 ? <p className="text-sm text-slate-500">{t("schedule.noQuestions")}</p> : null}
        <ul className="space-y-2">
          {shift.messages.map((m) => (
            <li key={m.id} className="text-sm">
              <Link href={`/inbox/${m.conversationId}`} className="font-medium hover:underline">
                {m.author ? `${m.author.firstName} ${m.author.lastName}` : t("schedule.teammate")}
              </Link>{" "}
              · {t(m.kind === "SHIFT_QUESTION" ? "schedule.question" : "schedule.unavailability")} ·{" "}
              {formatDateTime(m.createdAt, org.timeZone, locale)}
              <p className="text-slate-600">{m.body}</p>
              {m.action ? <p className="text-green-800">{shiftActionText(m.action, t, org.timeZone, locale)}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
