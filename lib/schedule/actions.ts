"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/api/action";
import {
  askAboutShiftSchema,
  assignmentSchema,
  deleteAssignmentSchema,
  removeUnavailabilitySchema,
  unavailabilitySchema,
} from "./schemas";
import { askAboutShift } from "./questions";
import { assignTeammate, deleteAssignmentFromMessage, unassignTeammate } from "./assignments";
import { removeUnavailability, saveUnavailability } from "./unavailability";
import { STAFF_ROLES, TEAMMATES } from "@/lib/auth/roles";

export const askAboutShiftAction = createAction(
  { schema: askAboutShiftSchema, roles: TEAMMATES },
  async (input, { user }) => {
    const { message } = await askAboutShift(user, input);
    revalidatePath("/me", "layout");
    return { messageId: message.id };
  },
);

export const deleteAssignmentAction = createAction(
  { schema: deleteAssignmentSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const outcome = await deleteAssignmentFromMessage(user, input.messageId, input.markUnavailable);
    revalidatePath("/", "layout");
    return outcome;
  },
);

export const saveUnavailabilityAction = createAction(
  { schema: unavailabilitySchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const saved = await saveUnavailability(user, input);
    revalidatePath(`/teammates/${input.userId}`);
    return saved;
  },
);

export const removeUnavailabilityAction = createAction(
  { schema: removeUnavailabilitySchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    await removeUnavailability(user, input.id);
    revalidatePath("/teammates", "layout");
    return {};
  },
);

export const assignAction = createAction({ schema: assignmentSchema, roles: STAFF_ROLES }, async (input, { user }) => {
  await assignTeammate(user, input.shiftId, input.userId);
  revalidatePath("/schedule", "layout");
  return {};
});

export const unassignAction = createAction(
  { schema: assignmentSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    await unassignTeammate(user, input.shiftId, input.userId);
    revalidatePath("/schedule", "layout");
    return {};
  },
);
