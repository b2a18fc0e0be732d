import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { requireChatOn } from "@/lib/chat/access";
import { departmentOf } from "@/lib/org/departments";
import { chatDepartments, departmentPeople } from "@/lib/chat/people";
import { createChannelAction, createPrivateAction } from "@/lib/chat/actions";
import { AutoSubmit } from "@/components/ui/auto-submit";
import { PeopleForm } from "./people-form";
import { BackLink } from "@/components/ui/back-link";

const select = "mt-1 min-h-11 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

/**
 * A new conversation, in the seed's order: the department, then (optionally) an
 * employee group to narrow the list, then the recipients and a name. Staff choose any
 * department; a teammate has their own. Public ones (staff only) need a name only.
 */
export async function NewChat({
  user,
  base,
  kind,
  departmentId,
  groupId,
}: {
  user: SessionUser;
  base: string;
  kind: "public" | "private";
  departmentId?: string;
  groupId?: string;
}) {
  await requireChatOn(user);
  const t = await getTranslations();
  const staff = isStaff(user.role);
  const Heading = staff ? "h2" : "h1";
  const own = await departmentOf(user);
  const departments = await chatDepartments(user, own);
  const pub = kind === "public" && staff;
  const department =
    departments.find((d) => d.id === (staff ? departmentId : own)) ??
    (departments.length === 1 ? departments[0] : undefined);
  const group = department?.groups.find((g) => g.id === groupId);
  const people = department && !pub ? await departmentPeople(user, department.id, group?.id) : null;
  const title = pub ? t("chat.newPublic") : t("chat.newPrivate");
  return (
    <div className="mx-auto w-full max-w-xl space-y-5 p-4 sm:p-6">
      <div>
        <BackLink href={base} className={staff ? "md:hidden" : ""}>
          {t("chat.backToList")}
        </BackLink>
        {/* Staff see it beside the list, whose heading is the page's h1. */}
        <Heading className="mt-2 text-xl font-semibold">{title}</Heading>
        <p className="text-sm text-slate-600">{pub ? t("chat.publicHelp") : t("chat.privateHelp")}</p>
      </div>
      {departments.length === 0 ? <p className="text-sm text-slate-700">{t("chat.noDepartment")}</p> : null}
      {departments.length > 0 ? (
        <AutoSubmit>
          <form method="get" action={`${base}/new`} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="kind" value={pub ? "public" : "private"} />
            <label className="block text-sm font-medium">
              {t("chat.department")}
              <select name="department" defaultValue={department?.id ?? ""} className={select} disabled={!staff}>
                {staff && !department ? <option value="">{t("chat.chooseDepartment")}</option> : null}
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            {!pub && department && department.groups.length > 0 ? (
              <label className="block text-sm font-medium">
                {t("chat.employeeGroup")}
                <select name="group" defaultValue={group?.id ?? ""} className={select}>
                  <option value="">{t("chat.allGroups")}</option>
                  {department.groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <button
              type="submit"
              className="min-h-11 rounded-control border border-line px-3 text-sm sm:col-span-2 sm:justify-self-start"
            >
              {t("chat.showPeople")}
            </button>
          </form>
        </AutoSubmit>
      ) : null}
      {department ? (
        <PeopleForm
          key={`${department.id}-${group?.id ?? ""}`}
          action={pub ? createChannelAction : createPrivateAction}
          hidden={{ departmentId: department.id, clientId: randomUUID() }}
          people={people}
          nameField={{ label: t("chat.name"), hint: pub ? undefined : t("chat.nameHint"), required: pub }}
          submitLabel={t("chat.create")}
          testId="new-chat"
        />
      ) : null}
    </div>
  );
}
