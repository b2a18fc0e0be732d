"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAction } from "@/lib/api/action";
import {
  addNoteSchema,
  assignThreadSchema,
  cancelScheduledSchema,
  editScheduledSchema,
  markUnreadSchema,
  scheduleMessageSchema,
  sendGroupedSchema,
  setProcessedSchema,
  remindBatchSchema,
  confirmMessageSchema,
} from "./schemas";
import { confirmMessage, remindBatch } from "./follow-up";
import { cancelScheduled, editScheduled, scheduleGrouped, scheduleMessage } from "./scheduled";
import { getOrganization } from "@/lib/org/queries";
import { UserError } from "@/lib/errors";
import { assignThread } from "./assign";
import { sendGroupedMessage } from "./grouped";
import { viewFilters } from "./filters-url";
import { setProcessed } from "./processed";
import { markUnreadByStaff } from "./unread";
import { addPrivateNote } from "./notes";
import { STAFF_ROLES, TEAMMATES } from "@/lib/auth/roles";

export const markProcessedAction = createAction(
  { schema: setProcessedSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const result = await setProcessed(user, input.conversationId, input.processed);
    revalidatePath("/inbox", "layout");
    return result;
  },
);

export const assignThreadAction = createAction(
  { schema: assignThreadSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const result = await assignThread(user, input.conversationId, input.assigneeId);
    revalidatePath("/inbox", "layout");
    return result;
  },
);

export const markUnreadAction = createAction(
  { schema: markUnreadSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    await markUnreadByStaff(user, input.conversationId, input.fromSeq);
    revalidatePath("/inbox", "layout");
    // Back to the list as it was (search, sort, filters): staying on the thread would read it again.
    redirect(`/inbox${input.list ?? ""}`);
  },
);

export const addNoteAction = createAction({ schema: addNoteSchema, roles: STAFF_ROLES }, async (input, { user }) => {
  const result = await addPrivateNote(user, input);
  revalidatePath(`/inbox/${input.conversationId}`);
  return result;
});

export const sendGroupedAction = createAction(
  { schema: sendGroupedSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const { body, clientId, smsCopy, urgent, mode, to, attachmentIds, sendAt, askConfirm, followUpMinutes, ...view } =
      input;
    const who = mode === "pick" ? { teammateIds: to } : { filters: viewFilters(view) };
    const followUp = { askConfirm, followUpMinutes };
    if (sendAt) {
      // Files wait for a message sent now: a scheduled one is its words only.
      if (attachmentIds.length) throw new UserError("errors.scheduled.noFiles", {}, "sendAt");
      const { timeZone } = await getOrganization(user);
      await scheduleGrouped(user, { who, body, clientId, smsCopy, urgent, sendAt, followUp }, timeZone);
      revalidatePath("/inbox", "layout");
      redirect("/inbox/scheduled");
    }
    const { batchId } = await sendGroupedMessage(user, {
      who,
      body,
      clientId,
      smsCopy,
      urgent,
      attachmentIds,
      followUp,
    });
    revalidatePath("/inbox", "layout");
    redirect(`/inbox/batches/${encodeURIComponent(batchId)}`);
  },
);

export const scheduleMessageAction = createAction(
  { schema: scheduleMessageSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const { timeZone } = await getOrganization(user);
    const result = await scheduleMessage(user, input, timeZone);
    revalidatePath(`/inbox/${input.conversationId}`);
    return { ...result, sendAt: result.sendAt.toISOString() };
  },
);

export const editScheduledAction = createAction(
  { schema: editScheduledSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const { timeZone } = await getOrganization(user);
    await editScheduled(user, input, timeZone);
    revalidatePath("/inbox", "layout");
    return { id: input.id };
  },
);

export const cancelScheduledAction = createAction(
  { schema: cancelScheduledSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    await cancelScheduled(user, input.id);
    revalidatePath("/inbox", "layout");
    return { id: input.id };
  },
);

/** One click on a grouped message's page: a reminder to those who have not read (or confirmed) it. */
export const remindBatchAction = createAction(
  { schema: remindBatchSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const { count } = await remindBatch(user, input);
    revalidatePath(`/inbox/batches/${input.batchId}`);
    return { count };
  },
);

/** The teammate's "Confirm" under a grouped message (the form without JavaScript; the page posts to its route). */
export const confirmMessageAction = createAction(
  { schema: confirmMessageSchema, roles: TEAMMATES },
  async (input, { user }) => {
    const { confirmedAt } = await confirmMessage(user, input);
    revalidatePath("/me/messages");
    return { confirmedAt: confirmedAt.toISOString() };
  },
);
