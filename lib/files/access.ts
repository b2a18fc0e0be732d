import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/api/errors";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { requireInboxThread } from "@/lib/inbox/access";
import type { UploadTarget } from "./receive";
import type { FileOriginal } from "@/lib/messaging/post";

// Who may add files to a conversation and open them. Not found and not allowed
// look the same.

/** Someone who may write in the conversation may upload to it. */
export async function requireUploadTarget(user: SessionUser, conversationId: string): Promise<UploadTarget> {
  const thread = await requireInboxThread(user, conversationId);
  return { organizationId: thread.organizationId, conversationId: thread.id, uploaderId: user.id, fromStaff: isStaff(user.role) };
}

export type OpenableFile = Pick<FileOriginal, "id" | "fileName" | "mimeType" | "size" | "storage" | "storageKey" | "thumbKey">;

/**
 * A file this user may open: one sent in a conversation they can read, or their own
 * upload still waiting for its message. Staff read every inbox thread of their
 * organisation; a teammate only their own.
 */
export async function requireOpenableFile(user: SessionUser, id: string): Promise<OpenableFile> {
  const sent = isStaff(user.role)
    ? { messageId: { not: null }, message: { deletedAt: null }, conversation: { deletedAt: null } }
    : { messageId: { not: null }, message: { deletedAt: null }, conversation: { deletedAt: null, kind: "INBOX" as const, teammateId: user.id } };
  const file = await db.attachment.findFirst({
    where: { id, organizationId: user.organizationId, OR: [sent, { messageId: null, uploaderId: user.id }] },
    select: { id: true, fileName: true, mimeType: true, size: true, storage: true, storageKey: true, thumbKey: true },
  });
  if (!file) throw new NotFoundError("errors.notFound.file");
  return file;
}
