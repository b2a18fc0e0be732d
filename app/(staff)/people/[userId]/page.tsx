import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { orNotFound, requireAdminPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { accessOf } from "@/lib/admin/access";
import {
  changeRoleAction,
  resendInviteAction,
  sendResetLinkAction,
  setDisabledAction,
  setMessagingAction,
} from "@/lib/admin/actions";
import { ActionButton } from "@/components/ui/action-button";
import { formatDateTime } from "@/lib/text/format";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("people.access") };
}

const button = "min-h-11 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100";

/** An admin's view of one person's access: role, messaging rights, disabled or not, invitation. */
export default async function PersonAccessPage({ params }: { params: Promise<{ userId: string }> }) {
  const [{ userId }, admin] = await Promise.all([params, requireAdminPage()]);
  const [t, locale, org, p] = await Promise.all([
    getTranslations(),
    getLocale(),
    getOrganization(admin),
    orNotFound(accessOf(admin, userId)),
  ]);
  const roleName =
    p.role === "ADMIN" ? t("roles.ADMIN") : p.role === "MANAGER" ? t("roles.MANAGER") : t("roles.TEAMMATE");
  return (
    <div className="max-w-2xl space-y-4 p-4 sm:p-6">
      <BackLink href="/teammates">{t("teammates.title")}</BackLink>
      <div>
        <h1 className="text-xl font-semibold" data-testid="person-name">
          {p.firstName} {p.lastName}
        </h1>
        <p className="text-sm text-slate-600">
          {p.email} · {roleName}
          {p.disabledAt ? ` · ${t("people.disabled")}` : ""}
        </p>
        <p className="text-xs text-slate-500">
          {p.lastSignInAt
            ? t("people.lastSignIn", { date: formatDateTime(p.lastSignInAt, org.timeZone, locale) })
            : t("people.neverSignedIn")}
        </p>
      </div>
      {p.numberShared ? (
        <p
          role="note"
          className="rounded-control border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          data-testid="number-shared"
        >
          {t("people.numberShared")}
        </p>
      ) : null}
      {p.role !== "TEAMMATE" ? (
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="role-section">
          <h2 className="font-medium">{t("people.role")}</h2>
          <ActionButton
            action={changeRoleAction}
            fields={{ userId: p.id, role: p.role === "ADMIN" ? "MANAGER" : "ADMIN" }}
            label={p.role === "ADMIN" ? t("people.makeManager") : t("people.makeAdmin")}
            className={button}
          />
        </section>
      ) : null}
      {p.role === "MANAGER" ? (
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="messaging-section">
          <h2 className="font-medium">{t("people.messaging")}</h2>
          <p className="text-sm text-slate-700">
            {p.messagingAccess ? t("people.messagingOn") : t("people.messagingOff")}
          </p>
          <ActionButton
            action={setMessagingAction}
            fields={{ userId: p.id, on: p.messagingAccess ? "false" : "true" }}
            label={p.messagingAccess ? t("people.removeMessaging") : t("people.giveMessaging")}
            className={button}
          />
        </section>
      ) : null}
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="status-section">
        <h2 className="font-medium">{t("people.account")}</h2>
        <p className="text-sm text-slate-700">{p.disabledAt ? t("people.disabledHelp") : t("people.enabledHelp")}</p>
        <div className="flex flex-wrap gap-2">
          <ActionButton
            action={setDisabledAction}
            fields={{ userId: p.id, disabled: p.disabledAt ? "false" : "true" }}
            label={p.disabledAt ? t("people.enable") : t("people.disable")}
            className={button}
          />
          {!p.disabledAt && p.invited ? (
            <ActionButton
              action={resendInviteAction}
              fields={{ userId: p.id }}
              label={t("people.resendInvitation")}
              className={button}
            />
          ) : null}
          {!p.disabledAt && !p.invited ? (
            <ActionButton
              action={sendResetLinkAction}
              fields={{ userId: p.id }}
              label={t("people.sendReset")}
              doneMessage={t("people.linkSent")}
              className={button}
            />
          ) : null}
        </div>
        {!p.disabledAt && !p.invited ? <p className="text-xs text-slate-600">{t("people.sendResetHelp")}</p> : null}
      </section>
    </div>
  );
}
