import { z } from "zod";
import { createRoute } from "@/lib/api/route";
import { chatUnreadTotal } from "@/lib/chat/queries";
import { EVERYONE } from "@/lib/auth/roles";

// The Chat menu's badge, asked for again by open pages when chat events arrive.
export const GET = createRoute({ schema: z.object({}), roles: EVERYONE }, async (_input, { user }) => ({
  unread: await chatUnreadTotal(user),
}));
