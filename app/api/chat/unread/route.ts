import { z } from "zod";
import { createRoute } from "@/lib/api/route";
import { chatUnreadTotal } from "@/lib/chat/queries";

// The Chat menu's badge, asked for again by open pages when chat events arrive.
export const GET = createRoute({ schema: z.object({}), roles: ["ADMIN", "MANAGER", "TEAMMATE"] }, async (_input, { user }) => ({
  unread: await chatUnreadTotal(user),
}));
