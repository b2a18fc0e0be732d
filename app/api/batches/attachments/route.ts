import { z } from "zod";
import { createRoute } from "@/lib/api/route";
import { receiveFiles, uploadAnswer } from "@/lib/files/receive";
import { STAFF_ROLES } from "@/lib/auth/roles";

const noInput = z.object({});

// POST multipart: files for a grouped message (staff), kept without a conversation until
// the message goes; each recipient's copy then gets them (lib/inbox/grouped.ts).
export const POST = createRoute(
  { schema: noInput, roles: STAFF_ROLES, body: "stream" },
  async (_input, { user }, request) => {
    const received = await receiveFiles(request, {
      organizationId: user.organizationId,
      conversationId: null,
      uploaderId: user.id,
      fromStaff: true,
    });
    return uploadAnswer(received, user.locale);
  },
);
