"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/api/action";
import { STAFF_ROLES, ADMINS } from "@/lib/auth/roles";
import { archiveReplySchema, moveReplySchema, replyPolicySchema, saveReplySchema } from "./schemas";
import { archiveReply, moveReply, saveReply, setReplyPolicy } from "./manage";

const changed = () => revalidatePath("/", "layout"); // the list in Settings and in every reply box

export const saveReplyAction = createAction(
  { schema: saveReplySchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const result = await saveReply(user, input);
    changed();
    return result;
  },
);

export const archiveReplyAction = createAction(
  { schema: archiveReplySchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    await archiveReply(user, input.id, input.archived);
    changed();
    return {};
  },
);

export const moveReplyAction = createAction(
  { schema: moveReplySchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    await moveReply(user, input.id, input.direction);
    changed();
    return {};
  },
);

export const setReplyPolicyAction = createAction(
  { schema: replyPolicySchema, roles: ADMINS },
  async (input, { user }) => {
    await setReplyPolicy(user, input.managersEdit);
    changed();
    return {};
  },
);
