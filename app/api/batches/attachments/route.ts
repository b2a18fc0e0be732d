import { z } from "zod";
import { createRoute } from "@/lib/api/route";
import { receiveFiles } from "@/lib/files/receive";
import { translatorFor } from "@/lib/i18n/translator";

const noInput = z.object({});

// POST multipart: files for a grouped message (staff), kept without a conversation until
// the message goes; each recipient's copy then gets them (lib/inbox/grouped.ts).
export const POST = createRoute({ schema: noInput, roles: ["ADMIN", "MANAGER"], body: "stream" }, async (_input, { user }, request) => {
  const received = await receiveFiles(request, { organizationId: user.organizationId, conversationId: null, uploaderId: user.id, fromStaff: true });
  const t = translatorFor(user.locale);
  return { files: received.files, refused: received.refused.map((r) => ({ name: r.name, error: t(r.error, r.values) })) };
});
