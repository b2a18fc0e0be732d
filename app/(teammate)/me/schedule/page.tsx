import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { randomUUID } from "node:crypto";
import { requireTeammatePage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { myWeek } from "@/lib/schedule/queries";
import { weekSchema } from "@/lib/schedule/schemas";
import { addDays, isoDay, weekStart } from "@/lib/text/time";
import { formatDateTime, formatDay, formatShiftTime } from "@/lib/text/format";
import { ShiftActions } from "./shift-actions";
import { RefreshOn } from "@/components/live/live-events";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("mySchedule.title") };
}

export default async function MySchedulePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireTeammatePage();
  const [org, t] = await Promise.all([getOrganization(user), getTranslations()]);
  const locale = await getLocale();
  const { week } = weekSchema.parse(await searchParams);
  const monday = weekStart(week ?? new Date());
  const { shifts, periods } = await myWeek(user, monday, org.timeZone);
  const now = new Date();
  const nav = "rounded-md border border-slate-300 px-2 py-1 text-sm";
  return (
    <>
      <RefreshOn types={["schedule.changed"]} />
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white px-4 py-3">
        <h1 className="text-lg font-semibold">{t("mySchedule.title")}</h1>
        <div className="mt-2 flex items-center justify-between gap-2">
          <Link className={nav} href={`/me/schedule?week=${isoDay(addDays(monday, -7))}`}>
            {t("mySchedule.previousWeek")}
          </Link>
          <span className="text-sm text-slate-600" data-testid="week-label">
            {t("mySchedule.weekOf", { date: formatDay(monday, "UTC", locale) })}
          </span>
          <Link className={nav} href={`/me/schedule?week=${isoDay(addDays(monday, 7))}`}>
            {t("mySchedule.nextWeek")}
          </Link>
        </div>
      </header>
      {periods.length ? (
        <section className="border-b border-slate-100 px-4 py-3">
          <h2 className="text-sm font-semibold text-slate-700">{t("mySchedule.unavailable")}</h2>
          <ul className="mt-1 space-y-1 text-sm text-slate-600" data-testid="my-unavailability">
            {periods.map((p) => (
              <li key={p.id}>
                {formatDateTime(p.startsAt, org.timeZone, locale)} – {formatDateTime(p.endsAt, org.timeZone, locale)}
                {p.reason ? ` · ${p.reason}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {shifts.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">{t("mySchedule.noShifts")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {shifts.map((s) => (
            <li key={s.id} className="px-4 py-3" data-testid="my-shift">
              <p className="font-medium">{s.activity.name}</p>
              <p className="text-sm text-slate-600">{formatShiftTime(s.startsAt, s.endsAt, org.timeZone, locale)}</p>
              <p className="text-sm text-slate-500">
                {s.place} · {s.department.name}
              </p>
              {s.endsAt > now ? (
                <ShiftActions shiftId={s.id} clientIds={[randomUUID(), randomUUID()]} />
              ) : (
                <p className="mt-1 text-xs text-slate-600">{t("mySchedule.pastShift")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
