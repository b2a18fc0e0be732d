import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { requireAdminPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { formatDateTime } from "@/lib/text/format";
import { getLocale, getTranslations } from "next-intl/server";
import { chatOption } from "@/lib/chat/option";
import { setChatOptionAction } from "@/lib/chat/actions";
import { ActionButton } from "@/components/ui/action-button";
import { smsSenderOf } from "@/lib/sms/sender";
import { SettingForm } from "./setting-form";
import { setSmsSenderAction } from "@/lib/sms/actions";
import { setEditWindowAction } from "@/lib/admin/actions";
import { Activity } from "@/components/ui/icons/activity";
import { Building2 } from "@/components/ui/icons/building-2";
import { ScrollText } from "@/components/ui/icons/scroll-text";
import { Zap } from "@/components/ui/icons/zap";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("settings.title") };
}

export default async function SettingsPage() {
  const user = await requireAdminPage();
  const [org, t, chat, sender] = await Promise.all([
    getOrganization(user),
    getTranslations(),
    chatOption(user),
    smsSenderOf(user.organizationId),
  ]);
  const locale = await getLocale();
  return (
    <div className="max-w-3xl space-y-6 p-4 sm:p-6">
      <h1 className="text-xl font-semibold">{t("settings.title")}</h1>
      {/* The other settings pages, each with what it is for. */}
      <nav aria-label={t("settings.title")}>
        <ul className="grid gap-2 sm:grid-cols-3">
          {(
            [
              ["/settings/structure", Building2, "structure.title", "settings.structureHelp"],
              ["/settings/audit", ScrollText, "audit.title", "settings.auditHelp"],
              ["/settings/system", Activity, "settings.system", "settings.systemHelp"],
              ["/settings/replies", Zap, "replies.title", "settings.repliesHelp"],
            ] as const
          ).map(([href, Icon, title, help]) => (
            <li key={href}>
              <Link
                href={href}
                className="flex h-full min-h-11 items-start gap-3 rounded-card border border-line bg-surface p-3 hover:bg-slate-100"
              >
                <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-accent-ink" />
                <span>
                  <span className="block text-sm font-medium">{t(title)}</span>
                  <span className="block text-xs text-muted">{t(help)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="rounded-card border border-line bg-surface p-4">
        <h2 className="font-medium">{t("settings.organisation")}</h2>
        <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">{t("settings.name")}</dt>
          <dd>{org.name}</dd>
          <dt className="text-slate-500">{t("settings.timeZone")}</dt>
          <dd>{org.timeZone}</dd>
        </dl>
      </section>
      <section className="rounded-card border border-line bg-surface p-4" data-testid="sms-sender">
        <h2 className="font-medium">{t("settings.smsSender")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("settings.smsSenderHelp")}</p>
        <SettingForm
          action={setSmsSenderAction}
          name="sender"
          value={sender ?? ""}
          label={t("settings.smsSenderLabel")}
          saveLabel={t("settings.smsSenderSave")}
          placeholder="+33612345678"
        />
      </section>
      <section className="rounded-card border border-line bg-surface p-4" data-testid="edit-window">
        <h2 className="font-medium">{t("settings.editWindow")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("settings.editWindowHelp")}</p>
        <SettingForm
          action={setEditWindowAction}
          name="minutes"
          value={String(org.editWindowMinutes)}
          label={t("settings.editWindowLabel")}
          saveLabel={t("settings.editWindowSave")}
          inputMode="numeric"
          className="w-28"
        />
      </section>
      <section className="rounded-card border border-line bg-surface p-4" data-testid="chat-option">
        <h2 className="font-medium">{t("settings.chatOption")}</h2>
        <p className="mt-1 text-sm text-slate-600">
          {t("settings.chatPrice", { price: chat.pricePerSeatCents / 100 })}
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {t("settings.chatEstimate", { seats: chat.seats, total: chat.monthlyCents / 100 })}
        </p>
        <p className="mt-2 text-sm font-medium">
          {chat.enabled && chat.enabledAt
            ? t("settings.chatEnabledSince", { date: formatDateTime(chat.enabledAt, org.timeZone, locale) })
            : t("settings.chatNotEnabled")}
        </p>
        <p className="mt-1 text-xs text-slate-600">{t("settings.chatKept")}</p>
        <div className="mt-3">
          <ActionButton
            action={setChatOptionAction}
            fields={{ enabled: chat.enabled ? "false" : "true" }}
            label={chat.enabled ? t("settings.chatTurnOff") : t("settings.chatTurnOn")}
            className={chat.enabled ? buttonClass("secondary") : buttonClass("primary")}
          />
        </div>
      </section>
    </div>
  );
}
