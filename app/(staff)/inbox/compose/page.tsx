import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireMessagingPage } from "@/lib/auth/pages";
import { planGroupedMessage } from "@/lib/inbox/grouped";
import { filtersQuery, filterValues, viewFilters } from "@/lib/inbox/filters-url";
import { readFilters, type InboxSearchParams } from "../inbox-shell";
import { GroupedForm } from "./grouped-form";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("grouped.title") };
}

const SHOWN = 300;

/** A grouped message to the teammates of the contact list's view (its filters come in the address). */
export default async function ComposePage({ searchParams }: { searchParams: InboxSearchParams }) {
  const user = await requireMessagingPage();
  const t = await getTranslations();
  const filters = viewFilters(await readFilters(searchParams));
  // ?pick=…: the teammates ticked in the contact list; otherwise everyone its filters show.
  const params = await searchParams;
  const pick =
    typeof params.pick === "string"
      ? params.pick
          .split(",")
          .filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))
          .slice(0, 500)
      : null;
  const plan = await planGroupedMessage(user, pick ? { teammateIds: pick } : { filters });
  const people = plan.recipients.slice(0, SHOWN).map((r) => ({ id: r.teammateId, name: r.name, sms: r.sms }));
  return (
    <div className="max-w-2xl space-y-4 overflow-y-auto p-4 sm:p-6">
      <BackLink href={`/inbox${filtersQuery(filters)}`}>{t("nav.backToContacts")}</BackLink>
      <h1 className="text-xl font-semibold">{t("grouped.title")}</h1>
      <p className="text-sm">
        {pick ? t("grouped.toPicked", { count: plan.inApp }) : t("grouped.to", { count: plan.inApp })}
      </p>
      <p
        className="rounded-control border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
        data-testid="grouped-summary"
      >
        {t("grouped.summary", { app: plan.inApp, sms: plan.bySms, without: plan.withoutSms })}
      </p>
      <GroupedForm
        filters={pick ? {} : filterValues(filters)}
        people={people}
        total={plan.inApp}
        clientId={randomUUID()}
        picked={Boolean(pick)}
      />
    </div>
  );
}
