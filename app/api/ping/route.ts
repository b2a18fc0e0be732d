import { z } from "zod";
import { createRoute } from "@/lib/api/route";
import { EVERYONE } from "@/lib/auth/roles";

// "Is Shiftline reachable, with my session?": a page asks before it re-renders from the
// server after the network came back, so a failed re-render never turns into the
// browser's offline page. Reads nothing.
export const GET = createRoute({ schema: z.object({}), roles: EVERYONE }, async () => ({}));
