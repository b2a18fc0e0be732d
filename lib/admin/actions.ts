"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAction } from "@/lib/api/action";
import {
  archiveItemSchema,
  auditFiltersSchema,
  createItemSchema,
  disabledSchema,
  importPreviewSchema,
  importRunSchema,
  inviteSchema,
  messagingSchema,
  personSchema,
  profileSchema,
  renameItemSchema,
  roleSchema,
  editWindowSchema,
} from "./schemas";
import { setEditWindow } from "./settings";
import { archiveItem, createItem, renameItem } from "./structure";
import { requestAuditExport } from "./audit-export";
import { planImport, runImport, type RowProblem } from "./csv-import";
import { translatorFor } from "@/lib/i18n/translator";
import { resolveValues } from "@/lib/i18n/text";
import { isLocale } from "@/lib/i18n/locales";
import { updateTeammateProfile } from "./profile";
import { accessOf, changeRole, setDisabled, setMessagingAccess } from "./access";
import { invitePerson } from "./invite";
import { sendPasswordLink } from "./passwords";
import { STAFF_ROLES, ADMINS } from "@/lib/auth/roles";

export const inviteAction = createAction({ schema: inviteSchema, roles: STAFF_ROLES }, async (input, { user }) => {
  const { userId } = await invitePerson(user, input);
  revalidatePath("/teammates");
  return { userId, email: input.email };
});

export const changeRoleAction = createAction({ schema: roleSchema, roles: ADMINS }, async (input, { user }) => {
  await changeRole(user, input.userId, input.role);
  revalidatePath(`/people/${input.userId}`);
  return {};
});

export const setMessagingAction = createAction({ schema: messagingSchema, roles: ADMINS }, async (input, { user }) => {
  await setMessagingAccess(user, input.userId, input.on);
  revalidatePath(`/people/${input.userId}`);
  return {};
});

export const setDisabledAction = createAction({ schema: disabledSchema, roles: ADMINS }, async (input, { user }) => {
  await setDisabled(user, input.userId, input.disabled);
  revalidatePath(`/people/${input.userId}`);
  return {};
});

export const resendInviteAction = createAction({ schema: personSchema, roles: ADMINS }, async (input, { user }) => {
  await accessOf(user, input.userId); // an admin, and a person of this organisation
  await sendPasswordLink(input.userId, "invite", { name: `${user.firstName} ${user.lastName}`, id: user.id });
  return { sent: true };
});

/** A reset link to the person's own address: the admin starts it and never sees the link. */
export const sendResetLinkAction = createAction({ schema: personSchema, roles: ADMINS }, async (input, { user }) => {
  await accessOf(user, input.userId); // an admin, and a person of this organisation
  await sendPasswordLink(input.userId, "reset", { name: `${user.firstName} ${user.lastName}`, id: user.id });
  return { sent: true };
});

export const updateProfileAction = createAction(
  { schema: profileSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    await updateTeammateProfile(user, input);
    revalidatePath("/teammates", "layout");
    revalidatePath("/inbox", "layout");
    redirect(`/teammates/${encodeURIComponent(input.userId)}`);
  },
);

export const createItemAction = createAction({ schema: createItemSchema, roles: ADMINS }, async (input, { user }) => {
  const { id } = await createItem(user, input.kind, input.name, input.departmentId);
  revalidatePath("/settings/structure");
  return { id };
});

export const renameItemAction = createAction({ schema: renameItemSchema, roles: ADMINS }, async (input, { user }) => {
  await renameItem(user, input.kind, input.id, input.name);
  revalidatePath("/settings/structure");
  return { renamed: true };
});

export const archiveItemAction = createAction({ schema: archiveItemSchema, roles: ADMINS }, async (input, { user }) => {
  await archiveItem(user, input.kind, input.id, input.archived);
  revalidatePath("/settings/structure");
  return {};
});

/** Reads the file and says, row by row, what would be imported or why not. Writes nothing. */
export const previewImportAction = createAction(
  { schema: importPreviewSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const csv = await input.file.text();
    const plan = await planImport(user, csv);
    const locale = isLocale(user.locale) ? user.locale : "en";
    const t = translatorFor(locale);
    const say = (p: RowProblem) => t(p.key, resolveValues(p.values, locale));
    return {
      csv: plan.valid ? csv : "",
      valid: plan.valid,
      problems: plan.problems.map(say),
      rows: plan.rows.map((r) => ({
        line: r.line,
        email: r.email,
        name: `${r.firstName} ${r.lastName}`,
        department: r.departmentName,
        problems: r.problems.map(say),
      })),
    };
  },
);

export const runImportAction = createAction(
  { schema: importRunSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const { imported } = await runImport(user, input.csv, input.invite);
    revalidatePath("/teammates");
    return { imported };
  },
);

/** The audit history as CSV, built in the background and e-mailed (Exports shows its progress). */
export const exportAuditAction = createAction(
  { schema: auditFiltersSchema, roles: ADMINS },
  async (input, { user }) => {
    const { page: _page, ...filters } = input;
    void _page;
    await requestAuditExport(user, filters);
    revalidatePath("/exports");
    redirect("/exports?requested=1");
  },
);

/** How long an author may edit a message after sending it. */
export const setEditWindowAction = createAction(
  { schema: editWindowSchema, roles: ADMINS },
  async (input, { user }) => {
    await setEditWindow(user, input.minutes);
    revalidatePath("/settings");
    return {};
  },
);
