"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAction } from "@/lib/api/action";
import { isStaff, type SessionUser, EVERYONE, STAFF_ROLES, ADMINS } from "@/lib/auth/roles";
import {
  addMembersSchema,
  chatOptionSchema,
  conversationSchema,
  createChannelSchema,
  createPrivateSchema,
} from "./schemas";
import { createChannel, createPrivate } from "./conversations";
import { addMembers, deleteChat, joinChannel, leaveChat } from "./members";
import { setChatOption } from "./option";

/** Chat lives at /chat on the web and /me/chat in the teammate's app. */
const chatHome = (user: SessionUser) => (isStaff(user.role) ? "/chat" : "/me/chat");
const done = (user: SessionUser, conversationId?: string): never => {
  revalidatePath(chatHome(user), "layout");
  redirect(conversationId ? `${chatHome(user)}/${encodeURIComponent(conversationId)}` : chatHome(user));
};

export const createChannelAction = createAction(
  { schema: createChannelSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const { conversationId } = await createChannel(user, input);
    return done(user, conversationId);
  },
);

export const createPrivateAction = createAction(
  { schema: createPrivateSchema, roles: EVERYONE },
  async (input, { user }) => {
    const { conversationId } = await createPrivate(user, input);
    return done(user, conversationId);
  },
);

export const addMembersAction = createAction({ schema: addMembersSchema, roles: EVERYONE }, async (input, { user }) => {
  const result = await addMembers(user, input.conversationId, input.memberIds);
  revalidatePath(`${chatHome(user)}/${encodeURIComponent(input.conversationId)}`);
  return result;
});

export const leaveChatAction = createAction(
  { schema: conversationSchema, roles: EVERYONE },
  async (input, { user }) => {
    await leaveChat(user, input.conversationId);
    return done(user);
  },
);

export const joinAgainAction = createAction(
  { schema: conversationSchema, roles: EVERYONE },
  async (input, { user }) => {
    await joinChannel(user, input.conversationId, Number.MAX_SAFE_INTEGER, { again: true });
    return done(user, input.conversationId);
  },
);

export const deleteChatAction = createAction(
  { schema: conversationSchema, roles: EVERYONE },
  async (input, { user }) => {
    await deleteChat(user, input.conversationId);
    return done(user);
  },
);

export const setChatOptionAction = createAction(
  { schema: chatOptionSchema, roles: ADMINS },
  async (input, { user }) => {
    await setChatOption(user, input.enabled);
    revalidatePath("/", "layout");
    return { enabled: input.enabled };
  },
);
