import { z } from "zod";
import { createRoute } from "@/lib/api/route";
import { type SessionUser, EVERYONE } from "@/lib/auth/roles";
import { receiveFiles, uploadAnswer, type Received } from "@/lib/files/receive";
import { sendMessageSchema } from "@/lib/conversations/schemas";
import { conversationPath, requireUploadTarget, sendMessage } from "@/lib/dispatch";
import { UserError } from "@/lib/errors";

const uploadSchema = z.object({
  conversationId: z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest"),
  /** "1": the form without JavaScript, which sends its text and files in one post and comes back to the thread. */
  send: z.enum(["1"]).optional().catch(undefined),
});

// POST multipart: the files (and, without JavaScript, the message) of the composer.
// The composer's script posts one file per request, to show each one's progress; the
// files wait for the message that carries them (see postMessage).
export const POST = createRoute(
  { schema: uploadSchema, roles: EVERYONE, body: "stream" },
  async (input, { user }, request) => {
    const target = await requireUploadTarget(user, input.conversationId);
    const received = await receiveFiles(request, target);
    if (input.send) return sendFromForm(user, input.conversationId, received);
    return uploadAnswer(received, user.locale);
  },
);

/**
 * Without JavaScript: the message goes through the same send as any other, with the
 * files that were kept; the thread then says which were refused. On a refusal of the
 * message itself the text comes back in the composer.
 */
async function sendFromForm(user: SessionUser, conversationId: string, received: Received): Promise<Response> {
  // Built on a placeholder origin and sent as a path: the server's own idea of its host may not be the browser's.
  const back = new URL(await conversationPath(user, conversationId), "http://shiftline.invalid");
  const parsed = sendMessageSchema.safeParse({
    conversationId,
    body: received.fields.body ?? "",
    clientId: received.fields.clientId ?? "",
    attachmentIds: received.files.map((f) => f.id),
  });
  let error: string | null = parsed.success ? null : (parsed.error.issues[0]?.message ?? "errors.invalidValue");
  if (parsed.success) {
    try {
      await sendMessage(user, parsed.data);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      error = e.text.key;
    }
  }
  if (error) {
    back.searchParams.set("error", error.replace(/^errors\./, ""));
    back.searchParams.set("draft", (received.fields.body ?? "").slice(0, 4000));
  }
  const refused = received.refused.map((r) => r.name).filter(Boolean);
  if (refused.length) back.searchParams.set("refused", refused.join("|").slice(0, 1000));
  return new Response(null, { status: 303, headers: { Location: `${back.pathname}${back.search}` } });
}
